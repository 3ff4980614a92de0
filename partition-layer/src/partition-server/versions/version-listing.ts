import type { partitionV1 } from '@strata/protos';
import { afterBlobUploads, blobKey, blobPrefixKey, compareKeys, parseKey, prefixEnd, versionRecordKey, versionsEnd, versionsStart } from '../../keys.js';
import { blobRecordCodec } from '../../records.js';
import type { IndexStore } from '../commit/index-store.js';
import { maxKey, prefixRange, type PartitionBounds } from '../listing.js';
import { NULL_VERSION_ID, versionKeyOfId } from './version-id.js';

/**
 * ListBlobVersions in one partition: every version of the container's blobs named with
 * `prefix`, in key order (a blob's current record, then its noncurrent versions newest first:
 * exactly the index's order), after the marker, with common prefixes rolled up as ListBlobs
 * does. All versions of a blob are in one partition (splitPointFor), so a page never needs
 * the next partition to finish a blob.
 */
export async function listBlobVersions(
  index: IndexStore,
  bounds: PartitionBounds,
  request: partitionV1.ListBlobVersionsRequest__Output & { maxResults: number },
): Promise<{ entries: partitionV1.VersionEntry[]; partitionEnd: boolean }> {
  const { account, container, prefix, delimiter } = request;
  const { start: rangeStart, lt, partitionCuts: cutsBefore } = prefixRange(bounds, request);
  let start = rangeStart;
  const resume = await resumeKey(index, request);
  if (resume) start = maxKey(start, resume);
  const entries: partitionV1.VersionEntry[] = [];
  if (lt && compareKeys(start, lt) >= 0) return { entries, partitionEnd: cutsBefore };
  const cursor = index.seekable({ gte: start, ...(lt ? { lt } : {}) });
  try {
    while (entries.length < request.maxResults) {
      const entry = await cursor.next();
      if (!entry) break;
      const parsed = parseKey(entry[0]);
      if (parsed.kind === 'upload' || parsed.kind === 'part') {
        cursor.seek(afterBlobUploads(account, container, parsed.blob));
        continue;
      }
      if (parsed.kind !== 'blob' && parsed.kind !== 'version') continue;
      const cut = delimiter ? parsed.blob.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const commonPrefix = parsed.blob.slice(0, cut + delimiter.length);
        entries.push({ commonPrefix });
        const past = prefixEnd(blobPrefixKey(account, container, commonPrefix));
        if (!past) break;
        cursor.seek(past);
        continue;
      }
      const record = blobRecordCodec.decode(entry[1]);
      entries.push({
        version: {
          blob: parsed.blob,
          versionId: record.versionId,
          isLatest: parsed.kind === 'blob',
          deleteMarker: record.deleteMarker,
          sizeBytes: record.sizeBytes,
          etag: record.etag,
          lastModifiedMs: record.lastModifiedMs,
        },
      });
    }
  } finally {
    await cursor.close();
  }
  const hitLimit = entries.length >= request.maxResults;
  return { entries, partitionEnd: !hitLimit && cutsBefore };
}

/** The first key after the marker: after a common prefix, after all of a key's versions, or after one of them. */
async function resumeKey(index: IndexStore, request: partitionV1.ListBlobVersionsRequest__Output): Promise<Buffer | undefined> {
  const { account, container, keyMarker } = request;
  if (!keyMarker) return undefined;
  if (request.keyMarkerIsPrefix) return prefixEnd(blobPrefixKey(account, container, keyMarker));
  if (!request.versionIdMarker) return versionsEnd(account, container, keyMarker);
  const wanted = versionKeyOfId(request.versionIdMarker);
  if (wanted !== NULL_VERSION_ID) return Buffer.concat([versionRecordKey(account, container, keyMarker, wanted), Buffer.from([0])]);
  // The null version is the current record or the noncurrent one the current record names.
  const value = await index.get(blobKey(account, container, keyMarker));
  const nullVersionKey = value ? blobRecordCodec.decode(value).nullVersionKey : '';
  return nullVersionKey
    ? Buffer.concat([versionRecordKey(account, container, keyMarker, nullVersionKey), Buffer.from([0])])
    : versionsStart(account, container, keyMarker);
}
