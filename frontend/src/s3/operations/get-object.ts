import { Readable } from 'node:stream';
import { checkBucketName } from '../bucket-names.js';
import { objectHeaders } from '../object-headers.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';

/**
 * Streams an object's bytes straight from the extent nodes, using the block pointers the
 * partition server returned; nothing holds the whole object.
 */
export const getObject: S3Operation = async (request, { partitions, reader }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const info = await partitions.getBlob({ account: request.account, container: bucket, blob: keyOf(request) }, request.requestId);
  const record = info.record!;
  const extents = new Map(info.extents.map((extent) => [extent.extentId, extent]));
  const body = Readable.from(reader.readPointers({ pointers: record.blocks, extents, requestId: request.requestId }), { objectMode: false });
  return { status: 200, headers: objectHeaders(record), body };
};
