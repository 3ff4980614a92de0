import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { blobKey, checkBlobName, containerKey } from '../../keys.js';
import { BLOB_TAGS_MAX } from '../../limits.js';
import { blobRecordCodec } from '../../records.js';
import type { CacheLeases } from '../cache-leases/cache-leases.js';
import type { UploadsDeps } from '../uploads/partition-uploads.js';
import { checkTags } from './check-tags.js';
import { findVersion } from '../versions/blob-versions.js';

/** A blob's tag set, checked (at most BLOB_TAGS_MAX tags) and in key order: see checkTags. */
export function blobTags(tags: readonly partitionV1.Tag[]): partitionV1.Tag__Output[] {
  return checkTags(tags, BLOB_TAGS_MAX);
}

/**
 * SetBlobTags: replaces a blob's tags and nothing else of its record (no byte is written; ETag
 * and Last-Modified stay). The record is read inside the commit, under the partition's lock
 * and with the records in flight overlaid, so the record written is the key's current one
 * with new tags: a PUT of the key commits either before (its blob gets the tags) or after (it
 * replaces blob and tags), never in between. Like any write of the key, it waits out the
 * front-ends' read leases on it first, so no cached copy of the record outlives the change.
 * The commit is an ordinary index mutation of the blob key, replayed like a PUT's.
 * With a version id, that version's tags (a noncurrent version's record is rewritten under
 * its own key; the front-ends never cache those).
 * @throws PartitionError NO_SUCH_CONTAINER, NO_SUCH_BLOB, NO_SUCH_VERSION, DELETE_MARKER, INVALID_ARGUMENT (checkTags)
 */
export async function setBlobTags(
  deps: { leases: Pick<CacheLeases, 'write' | 'checkWritable'>; commit: UploadsDeps['commit'] },
  request: partitionV1.SetBlobTagsRequest__Output,
): Promise<partitionV1.BlobInfo> {
  checkBlobName(request.blob);
  const tags = blobTags(request.tags);
  const key = blobKey(request.account, request.container, request.blob);
  const record = await deps.leases.write(key, () =>
    deps.commit(async (view) => {
      deps.leases.checkWritable(key);
      if (!view.hasContainer(containerKey(request.account, request.container)))
        throw new PartitionError('NO_SUCH_CONTAINER', `no container ${request.container}`);
      if (request.versionId) {
        const found = await findVersion(view, request, request.versionId);
        if (!found) throw new PartitionError('NO_SUCH_VERSION', `no blob ${request.blob} version ${request.versionId}`);
        if (found.record.deleteMarker) throw new PartitionError('DELETE_MARKER', `version ${request.versionId} is a delete marker`);
        const tagged: partitionV1.BlobRecord = { ...found.record, tags };
        return { mutations: [{ key: found.key, value: blobRecordCodec.encode(tagged) }], result: tagged };
      }
      const value = await view.get(key);
      const current = value ? blobRecordCodec.decode(value) : undefined;
      if (!current || current.deleteMarker) throw new PartitionError('NO_SUCH_BLOB', `no blob ${request.blob}`);
      const tagged: partitionV1.BlobRecord = { ...current, tags };
      return { mutations: [{ key, value: blobRecordCodec.encode(tagged) }], result: tagged };
    }),
  );
  return { account: request.account, container: request.container, blob: request.blob, record, extents: [] };
}
