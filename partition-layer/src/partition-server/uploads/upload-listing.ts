import type { partitionV1 } from '@strata/protos';
import { afterBlobUploads, blobPrefixKey, parseKey, prefixEnd, uploadKey } from '../../keys.js';
import { uploadRecordCodec } from '../../records.js';
import type { IndexStore } from '../commit/index-store.js';
import { maxKey, prefixRange, type PartitionBounds } from '../listing.js';
import { infoOf } from './partition-uploads.js';

/** Where a listing of uploads resumes, from S3's markers. */
function resumeKey(request: partitionV1.ListUploadsRequest__Output): Buffer | undefined {
  const { account, container, keyMarker, uploadIdMarker } = request;
  if (!keyMarker) return undefined;
  if (request.keyMarkerIsPrefix) return prefixEnd(blobPrefixKey(account, container, keyMarker));
  // After that upload of the marker's key, or after every upload of that key.
  if (uploadIdMarker) return Buffer.concat([uploadKey(account, container, keyMarker, uploadIdMarker), Buffer.from([0])]);
  return afterBlobUploads(account, container, keyMarker);
}

/**
 * The container's open uploads in (key, upload id) order within this partition's range, from
 * its upload directory (never reading blobs), with keys continuing past `prefix` with the
 * delimiter rolled up into common prefixes. Completed uploads' tombstones are skipped.
 * `partitionEnd` as in listBlobs.
 */
export async function listUploads(
  index: IndexStore,
  bounds: PartitionBounds,
  request: partitionV1.ListUploadsRequest__Output & { maxResults: number },
): Promise<{ entries: partitionV1.UploadEntry[]; partitionEnd: boolean }> {
  const { account, container, prefix, delimiter } = request;
  const range = prefixRange(bounds, request);
  const high = range.lt;
  let cursor = range.start;
  const resume = resumeKey(request);
  if (resume) cursor = maxKey(cursor, resume);
  const entries: partitionV1.UploadEntry[] = [];
  while (entries.length < request.maxResults) {
    const [key] = index.uploads.range({ gte: cursor, lt: high, limit: 1 });
    if (!key) break;
    const parsed = parseKey(key);
    if (parsed.kind !== 'upload') break;
    const cut = delimiter ? parsed.blob.indexOf(delimiter, prefix.length) : -1;
    if (cut >= 0) {
      const commonPrefix = parsed.blob.slice(0, cut + delimiter.length);
      entries.push({ commonPrefix });
      const past = prefixEnd(blobPrefixKey(account, container, commonPrefix));
      if (!past) break;
      cursor = past;
      continue;
    }
    cursor = Buffer.concat([key, Buffer.from([0])]);
    const value = await index.get(key);
    const record = value ? uploadRecordCodec.decode(value) : undefined;
    if (record && record.completedMs === 0) entries.push({ upload: infoOf(parsed, record) });
  }
  const hitLimit = entries.length >= request.maxResults;
  return { entries, partitionEnd: !hitLimit && range.partitionCuts };
}
