import { PartitionError } from './errors.js';
import { BLOB_NAME_BYTES_MAX } from './limits.js';

/**
 * The index key space, one sorted space of UTF-8 byte strings:
 *
 *   account \0 container              the container's record
 *   account \0 container \0 blob      a blob's record
 *
 * "\0" sorts below every character a container or blob name may hold, so a container's record
 * comes right before its blobs, its blobs are contiguous and in name order (what a listing
 * wants), and an account's containers and blobs form one range. Range partitions cut this
 * space anywhere. Keys are compared as UTF-8 bytes, the order S3 lists in.
 */
const SEP = '\u0000';

export function containerKey(account: string, container: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}`);
}

export function blobKey(account: string, container: string, blob: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${blob}`);
}

/** The first key of the container's blobs whose names start with `prefix`. */
export function blobPrefixKey(account: string, container: string, prefix = ''): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${prefix}`);
}

/** The first key after a container's record and all its blobs. */
export function afterContainer(account: string, container: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}\u0001`);
}

/** The first key of an account's key range. */
export function accountKey(account: string): Buffer {
  return Buffer.from(`${account}${SEP}`);
}

/** The smallest key greater than every key starting with `prefix`; undefined if none is. */
export function prefixEnd(prefix: Buffer): Buffer | undefined {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]! += 1;
      return end.subarray(0, i + 1);
    }
  }
  return undefined;
}

export type ParsedKey =
  | { kind: 'container'; account: string; container: string }
  | { kind: 'blob'; account: string; container: string; blob: string };

export function parseKey(key: Buffer): ParsedKey {
  const text = key.toString('utf8');
  const first = text.indexOf(SEP);
  const second = text.indexOf(SEP, first + 1);
  if (first < 0) throw new PartitionError('INTERNAL', 'not an index key');
  const account = text.slice(0, first);
  if (second < 0) return { kind: 'container', account, container: text.slice(first + 1) };
  return { kind: 'blob', account, container: text.slice(first + 1, second), blob: text.slice(second + 1) };
}

/** Byte order of UTF-8 keys; strings of partition bounds compare the same way. */
export function compareKeys(a: Buffer | string, b: Buffer | string): number {
  return Buffer.compare(typeof a === 'string' ? Buffer.from(a) : a, typeof b === 'string' ? Buffer.from(b) : b);
}

/** Refuses names that cannot be keys: empty, with "\0", or too long. */
export function checkBlobName(blob: string): void {
  if (blob.length === 0) throw new PartitionError('INVALID_ARGUMENT', 'a blob name cannot be empty');
  if (blob.includes(SEP)) throw new PartitionError('INVALID_ARGUMENT', 'a blob name cannot hold U+0000');
  if (Buffer.byteLength(blob) > BLOB_NAME_BYTES_MAX) throw new PartitionError('INVALID_ARGUMENT', `a blob name is at most ${BLOB_NAME_BYTES_MAX} bytes`);
}

/** Refuses account and container names that could break the key layout. */
export function checkName(kind: 'account' | 'container', name: string): void {
  if (!/^[a-z0-9][a-z0-9.-]{0,62}$/.test(name)) throw new PartitionError('INVALID_ARGUMENT', `bad ${kind} name ${JSON.stringify(name)}`);
}

/**
 * The record key of the container whose blobs run across `lowKey`, a partition's low bound
 * (a split may cut a container's blobs anywhere); undefined when the bound is not inside one.
 */
export function spanningContainerKey(lowKey: string): Buffer | undefined {
  if (lowKey === '') return undefined;
  const parsed = parseKey(Buffer.from(lowKey));
  return parsed.kind === 'blob' ? containerKey(parsed.account, parsed.container) : undefined;
}
