import type { Random } from '@strata/common';
import type { AccessKeyRecord } from './records.js';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Keys an account holds at once: the newest and the one before, so clients can roll over. */
export const ACTIVE_KEYS_MAX = 2;

/** A fresh access key: `STRATA` + 14 base32 characters (70 random bits) and a 240-bit secret. */
export function newAccessKey(random: Random, nowMs: number): AccessKeyRecord {
  const id = [...random.bytes(14)].map((byte) => KEY_ID_ALPHABET[byte % 32]).join('');
  return { accessKeyId: `STRATA${id}`, secretAccessKey: random.bytes(30).toString('base64url'), createdMs: nowMs };
}

/**
 * The keys after a rotation: `fresh` is added as the newest and the oldest beyond
 * {@link ACTIVE_KEYS_MAX} are revoked. A client signing with the previous newest key keeps
 * working until the next rotation, which is its window to switch.
 */
export function rotatedKeys(keys: readonly AccessKeyRecord[], fresh: AccessKeyRecord): AccessKeyRecord[] {
  return [...keys, fresh].slice(-ACTIVE_KEYS_MAX);
}
