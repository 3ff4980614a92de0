import { PartitionError } from '../../errors.js';

/** S3's id of the version written while a container was unversioned or suspended. */
export const NULL_VERSION_ID = 'null';

const VERSION_KEY = /^[0-9a-f]{16}$/;
const VERSION_ID = /^[0-9a-f]{32}$/;
const ORDER_MAX = (1n << 64n) - 1n;

/**
 * A version's key under its blob (keys.ts, versionRecordKey): 16 hex digits of
 * 2^64 - 1 - its order value, so a blob's versions sort newest first.
 */
export function versionKeyOf(order: number): string {
  if (!Number.isSafeInteger(order) || order < 0) throw new PartitionError('INTERNAL', `bad version order ${order}`);
  return (ORDER_MAX - BigInt(order)).toString(16).padStart(16, '0');
}

/**
 * A version's S3 id: its version key, then 16 hex digits of randomness. Decoding names the
 * key directly (a GET by id is one seek); the random part, compared with the id stored in the
 * record, makes ids of other buckets' versions unguessable from their order.
 */
export function versionIdOf(versionKey: string, randomPart: Buffer): string {
  if (!VERSION_KEY.test(versionKey) || randomPart.length !== 8) throw new PartitionError('INTERNAL', 'bad version id parts');
  return `${versionKey}${randomPart.toString('hex')}`;
}

/**
 * The version key an S3 version id names, or 'null' for the null version.
 * @throws PartitionError INVALID_ARGUMENT for an id Strata never makes (S3's "Invalid version id specified").
 */
export function versionKeyOfId(versionId: string): string | typeof NULL_VERSION_ID {
  if (versionId === NULL_VERSION_ID) return NULL_VERSION_ID;
  if (!VERSION_ID.test(versionId)) throw new PartitionError('INVALID_ARGUMENT', 'Invalid version id specified');
  return versionId.slice(0, 16);
}

/** The order value of the next version after one of `previous`: the clock's microseconds, or `previous` + 1 if those are not larger. */
export function nextVersionOrder(nowMs: number, previous: number): number {
  return Math.max(Math.floor(nowMs * 1000), previous + 1);
}
