import { PART_NUMBER_MAX } from '@strata/partition-layer';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, keyOf, type S3Operation, type S3Request } from '../operation.js';
import { storedBody } from '../stored-body.js';

/** The upload and part number a part request names. */
export function partTarget(request: S3Request): { upload: { account: string; container: string; blob: string; uploadId: string }; partNumber: number } {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const value = request.target.query.get('partNumber') ?? '';
  const partNumber = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(partNumber >= 1 && partNumber <= PART_NUMBER_MAX)) {
    throw new S3Error('InvalidArgument', `Part number must be an integer between 1 and ${PART_NUMBER_MAX}, inclusive`, {
      argumentName: 'partNumber',
      argumentValue: value,
    });
  }
  return { upload: { account: request.account, container: bucket, blob: keyOf(request), uploadId: request.target.query.get('uploadId') ?? '' }, partNumber };
}

/**
 * UploadPart: stores the part like a PUT body (storedBody) for its upload's partition (the
 * blob's), checked like a PUT body (signatures, Content-MD5, x-amz-checksum-*), and stored only once every check passed.
 * The part's checksum is kept for ListParts and the completion.
 */
export const uploadPart: S3Operation = async (request, { partitions, blobData }) => {
  const target = partTarget(request);
  const stored = storedBody(request, blobData);
  const { body } = stored;
  const part = await partitions.multipart
    .uploadPart({
      header: target,
      body: stored.segments,
      expectedBytes: body.expectedBytes,
      requestId: request.requestId,
      beforeCommit: async () => {
        stored.checkComplete();
        const verified = body.checksum();
        const checksum = verified ? { checksumAlgorithm: verified.algorithm, checksum: verified.base64 } : {};
        // A part of blocks already stored is committed with its ETag (the MD5 of the bytes, hex).
        return stored.appendedHere ? { etag: body.md5().toString('hex'), ...checksum } : { contentMd5: body.md5(), ...checksum };
      },
    })
    .finally(stored.end);
  const headers: Record<string, string> = { etag: `"${part.etag}"` };
  if (part.checksumAlgorithm) headers[`x-amz-checksum-${part.checksumAlgorithm}`] = part.checksum;
  return { status: 200, headers };
};
