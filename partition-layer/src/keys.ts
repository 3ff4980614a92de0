import { PartitionError } from './errors.js';
import { BLOB_NAME_BYTES_MAX } from './limits.js';

/**
 * The index key space, one sorted space of UTF-8 byte strings:
 *
 *   account \0 container                               the container's record
 *   account \0 container \0 blob                       a blob's record
 *   account \0 container \0 blob \0 \1 versionKey      a noncurrent version of that blob
 *   account \0 container \0 blob \0 uploadId           a multipart upload of that blob
 *   account \0 container \0 blob \0 uploadId \0 00042  one of its parts
 *
 * "\0" sorts below every character a container or blob name may hold, so a container's record
 * comes right before its blobs, its blobs are contiguous and in name order (what a listing
 * wants), and an account's containers and blobs form one range. A blob's uploads and their
 * parts come right after its key and before any other blob's, and a split never cuts between
 * them (see splitPointFor), so an upload is always in its blob's partition. So do its
 * noncurrent versions (docs/versioning.md): "\1" sorts before every upload id (hex), and a
 * version key is 16 hex digits of 2^64 - 1 - the version's order value, so newest first. Range partitions
 * cut this space anywhere else. Keys are compared as UTF-8 bytes, the order S3 lists in.
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

/** A multipart upload's record: right after its blob's key. */
export function uploadKey(account: string, container: string, blob: string, uploadId: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${blob}${SEP}${uploadId}`);
}

/** A part's record: right after its upload's, in part-number order. */
export function partKey(upload: UploadName, partNumber: number): Buffer {
  return Buffer.from(`${uploadText(upload)}${SEP}${String(partNumber).padStart(PART_NUMBER_DIGITS, '0')}`);
}

/** Where a blob's noncurrent versions start: right after its own key, before its uploads. */
export function versionsStart(account: string, container: string, blob: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${blob}${SEP}${VERSION_MARK}`);
}

/** The first key after a blob's noncurrent versions. */
export function versionsEnd(account: string, container: string, blob: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${blob}${SEP}\u0002`);
}

/** A noncurrent version's record: `versionKey` is its 16 hex digits (see versionKeyOf). */
export function versionRecordKey(account: string, container: string, blob: string, versionKey: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${blob}${SEP}${VERSION_MARK}${versionKey}`);
}

/** Marks a key after a blob's as one of its versions rather than an upload (whose ids are hex). */
const VERSION_MARK = '\u0001';

/** Names one upload of one blob. */
export interface UploadName {
  account: string;
  container: string;
  blob: string;
  uploadId: string;
}

const uploadText = (upload: UploadName): string => uploadKey(upload.account, upload.container, upload.blob, upload.uploadId).toString('utf8');

/** Part numbers are written with this many digits, so they sort in number order. */
const PART_NUMBER_DIGITS = 5;

/** The first key after an upload's record and all its parts. */
export function afterUpload(upload: UploadName): Buffer {
  return Buffer.from(`${uploadText(upload)}\u0001`);
}

/** The first key after a blob's own record and all its uploads. */
export function afterBlobUploads(account: string, container: string, blob: string): Buffer {
  return Buffer.from(`${account}${SEP}${container}${SEP}${blob}\u0001`);
}

export type ParsedKey =
  | { kind: 'container'; account: string; container: string }
  | { kind: 'blob'; account: string; container: string; blob: string }
  | { kind: 'version'; account: string; container: string; blob: string; versionKey: string }
  | { kind: 'upload'; account: string; container: string; blob: string; uploadId: string }
  | { kind: 'part'; account: string; container: string; blob: string; uploadId: string; partNumber: number };

export function parseKey(key: Buffer): ParsedKey {
  const [account, container, blob, uploadId, part, ...rest] = key.toString('utf8').split(SEP);
  if (container === undefined || rest.length > 0) throw new PartitionError('INTERNAL', 'not an index key');
  if (blob === undefined) return { kind: 'container', account: account!, container };
  if (uploadId === undefined) return { kind: 'blob', account: account!, container, blob };
  if (part === undefined && uploadId.startsWith(VERSION_MARK)) return { kind: 'version', account: account!, container, blob, versionKey: uploadId.slice(1) };
  if (part === undefined) return { kind: 'upload', account: account!, container, blob, uploadId };
  return { kind: 'part', account: account!, container, blob, uploadId, partNumber: Number(part) };
}

/**
 * Where a key's third separator is, if it has exactly three (an upload's or a noncurrent
 * version's key: `account \0 container \0 blob \0 ...`); -1 otherwise. Read without decoding:
 * the index store asks it of every write.
 */
function thirdSeparatorOfThree(key: Buffer): number {
  let separators = 0;
  let last = -1;
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== 0) continue;
    if (++separators > 3) return -1;
    last = i;
  }
  return separators === 3 ? last : -1;
}

/** Whether a key is an upload's record, without decoding it (the index store asks of every write). */
export function isUploadKey(key: Buffer): boolean {
  const third = thirdSeparatorOfThree(key);
  return third >= 0 && key[third + 1] !== VERSION_MARK_BYTE;
}

/** Whether a key is a noncurrent version's record (three separators, then the mark), without decoding it. */
export function isVersionKey(key: Buffer): boolean {
  const third = thirdSeparatorOfThree(key);
  return third >= 0 && key[third + 1] === VERSION_MARK_BYTE;
}

const VERSION_MARK_BYTE = 1;

/** Whether a key is a container's record (one separator), without decoding it (the index store asks of every write). */
export function isContainerKey(key: Buffer): boolean {
  return key.indexOf(0) >= 0 && key.indexOf(0) === key.lastIndexOf(0);
}

/**
 * Where a split asked to cut at `key` cuts: a key inside a blob's versions or uploads moves to
 * the blob's own key, so that the blob, its versions, its uploads and their parts stay in one
 * partition.
 */
export function splitPointFor(key: string): string {
  if (!key.includes(SEP)) return key;
  const parsed = parseKey(Buffer.from(key));
  return parsed.kind === 'upload' || parsed.kind === 'part' || parsed.kind === 'version'
    ? blobKey(parsed.account, parsed.container, parsed.blob).toString('utf8')
    : key;
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
  return parsed.kind === 'container' ? undefined : containerKey(parsed.account, parsed.container);
}
