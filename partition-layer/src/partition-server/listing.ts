import type { partitionV1 } from '@strata/protos';
import { accountKey, afterBlobUploads, afterContainer, blobPrefixKey, compareKeys, parseKey, prefixEnd } from '../keys.js';
import { blobRecordCodec, containerRecordCodec } from '../records.js';
import type { IndexStore, SeekableEntries } from './commit/index-store.js';

export interface PartitionBounds {
  low: Buffer;
  /** Undefined: the end of the key space. */
  high: Buffer | undefined;
}

const minKey = (a: Buffer | undefined, b: Buffer | undefined): Buffer | undefined =>
  a === undefined ? b : b === undefined ? a : compareKeys(a, b) <= 0 ? a : b;
export const maxKey = (a: Buffer, b: Buffer): Buffer => (compareKeys(a, b) >= 0 ? a : b);

/** Whether the partition ends before `end` (undefined: the end of the key space). */
const cutsBefore = (bounds: PartitionBounds, end: Buffer | undefined): boolean =>
  bounds.high !== undefined && (end === undefined || compareKeys(bounds.high, end) < 0);

/**
 * The keys of a container's blobs (and their versions and uploads) named with `prefix` that
 * this partition holds: from `start`, below `lt` (undefined: the end of the key space), and
 * whether the partition ends before the prefix does (`partitionCuts`: a listing that runs off
 * its end goes on in the next partition).
 */
export function prefixRange(
  bounds: PartitionBounds,
  request: { account: string; container: string; prefix: string },
): { start: Buffer; lt: Buffer | undefined; partitionCuts: boolean } {
  const prefixStart = blobPrefixKey(request.account, request.container, request.prefix);
  const wantedEnd = prefixEnd(prefixStart);
  return { start: maxKey(prefixStart, bounds.low), lt: minKey(wantedEnd, bounds.high), partitionCuts: cutsBefore(bounds, wantedEnd) };
}

/**
 * The container's blobs named with `prefix`, after `startAfter`, within this partition's
 * range, with names continuing past the prefix with `delimiter` rolled up into common
 * prefixes (found by seeking past each one, not by reading its blobs). `partitionEnd` is true
 * when the listing ran off the end of the partition, so the caller continues in the next one.
 */
export async function listBlobs(
  index: IndexStore,
  bounds: PartitionBounds,
  request: partitionV1.ListBlobsRequest__Output & { maxResults: number },
): Promise<{ entries: partitionV1.ListEntry[]; partitionEnd: boolean }> {
  const { account, container, prefix, delimiter } = request;
  const range = prefixRange(bounds, request);
  let start = range.start;
  if (request.startAfter) {
    const after = blobPrefixKey(account, container, request.startAfter);
    const resume = request.startAfterIsPrefix ? prefixEnd(after) : Buffer.concat([after, Buffer.from([0])]);
    if (resume) start = maxKey(start, resume);
  }
  const { lt } = range;
  const entries: partitionV1.ListEntry[] = [];
  if (lt && compareKeys(start, lt) >= 0) return { entries, partitionEnd: range.partitionCuts };
  const cursor: SeekableEntries = index.seekable({ gte: start, ...(lt ? { lt } : {}) });
  try {
    while (entries.length < request.maxResults) {
      const entry = await cursor.next();
      if (!entry) break;
      const parsed = parseKey(entry[0]);
      if (parsed.kind === 'upload' || parsed.kind === 'part' || parsed.kind === 'version') {
        // A blob's noncurrent versions, uploads and parts are not listed: seek past them all at once.
        cursor.seek(afterBlobUploads(account, container, parsed.blob));
        continue;
      }
      if (parsed.kind !== 'blob') continue;
      const cut = delimiter ? parsed.blob.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        // A prefix is listed for a blob that is not deleted, as in S3: past a current delete
        // marker the next key under the prefix decides (its versions are skipped above).
        if (blobRecordCodec.decode(entry[1]).deleteMarker) continue;
        const commonPrefix = parsed.blob.slice(0, cut + delimiter.length);
        entries.push({ commonPrefix });
        const past = prefixEnd(blobPrefixKey(account, container, commonPrefix));
        if (!past) break;
        cursor.seek(past);
        continue;
      }
      const record = blobRecordCodec.decode(entry[1]);
      // A current delete marker: the blob is deleted (its versions stay, for ListBlobVersions).
      if (record.deleteMarker) continue;
      entries.push({ blob: { blob: parsed.blob, sizeBytes: record.sizeBytes, etag: record.etag, lastModifiedMs: record.lastModifiedMs } });
    }
  } finally {
    await cursor.close();
  }
  const hitLimit = entries.length >= request.maxResults;
  return { entries, partitionEnd: !hitLimit && range.partitionCuts };
}

/**
 * The account's containers after `startAfter` in this partition, skipping over each one's
 * blobs with a seek rather than reading them.
 */
export async function listContainers(
  index: IndexStore,
  bounds: PartitionBounds,
  request: { account: string; startAfter: string; maxResults: number },
): Promise<{ containers: partitionV1.ContainerInfo[]; partitionEnd: boolean }> {
  const start = request.startAfter ? afterContainer(request.account, request.startAfter) : accountKey(request.account);
  const accountEnd = prefixEnd(accountKey(request.account));
  const lt = minKey(accountEnd, bounds.high);
  const containers: partitionV1.ContainerInfo[] = [];
  const cursor = index.seekable({ gte: maxKey(start, bounds.low), ...(lt ? { lt } : {}) });
  try {
    while (containers.length < request.maxResults) {
      const entry = await cursor.next();
      if (!entry) break;
      const parsed = parseKey(entry[0]);
      if (parsed.kind === 'container') {
        containers.push({ account: parsed.account, container: parsed.container, createdMs: containerRecordCodec.decode(entry[1]).createdMs });
      }
      cursor.seek(afterContainer(parsed.account, parsed.container));
    }
  } finally {
    await cursor.close();
  }
  const hitLimit = containers.length >= request.maxResults;
  return { containers, partitionEnd: !hitLimit && cutsBefore(bounds, accountEnd) };
}
