import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { INLINE_BLOB_BYTES_MAX } from '../../limits.js';
import type { Partition } from '../partition.js';

/**
 * Stores a blob that came whole in one PutSmallBlob call: the checks and the commit of a
 * streamed PutBlob with one `data` message (upload-stream.ts), so both paths store alike.
 * @throws PartitionError INVALID_ARGUMENT without a header or commit, or past INLINE_BLOB_BYTES_MAX
 */
export async function putSmallBlob(
  route: (header: partitionV1.PutBlobHeader__Output) => Partition,
  request: partitionV1.PutSmallBlobRequest__Output,
): Promise<partitionV1.BlobInfo> {
  const { header, commit, data } = request;
  if (!header || !commit) throw new PartitionError('INVALID_ARGUMENT', 'a small blob needs its header and its commit');
  if (data.length > INLINE_BLOB_BYTES_MAX) {
    throw new PartitionError('INVALID_ARGUMENT', `a small blob holds at most ${INLINE_BLOB_BYTES_MAX} bytes, not ${data.length}`);
  }
  const partition = route(header);
  await partition.checkUpload(header);
  const upload = partition.startUpload();
  try {
    if (data.length > 0) await upload.write(data);
    return await partition.putBlob(header, upload, commit);
  } finally {
    partition.finishUpload(upload);
  }
}
