import { PART_NUMBER_MAX } from '@strata/partition-layer';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, keyOf, type S3Operation, type S3Request } from '../operation.js';
import { requestBody } from '../request-body.js';

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
 * UploadPart: streams the part to its upload's partition (the blob's), checked like a PUT
 * body (signatures, Content-MD5, x-amz-checksum-*), and stored only once every check passed.
 * The part's checksum is kept for ListParts and the completion.
 */
export const uploadPart: S3Operation = async (request, { partitions }) => {
  const target = partTarget(request);
  const body = requestBody(request);
  let received = 0;
  const counted = (async function* () {
    for await (const chunk of body.stream) {
      received += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  })();
  const part = await partitions.multipart.uploadPart({
    header: target,
    body: counted,
    expectedBytes: body.expectedBytes,
    requestId: request.requestId,
    beforeCommit: async () => {
      if (received !== body.expectedBytes) {
        throw new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', {
          received,
          declared: body.expectedBytes,
        });
      }
      const verified = body.checksum();
      return { contentMd5: body.md5(), ...(verified ? { checksumAlgorithm: verified.algorithm, checksum: verified.base64 } : {}) };
    },
  });
  const headers: Record<string, string> = { etag: `"${part.etag}"` };
  if (part.checksumAlgorithm) headers[`x-amz-checksum-${part.checksumAlgorithm}`] = part.checksum;
  return { status: 200, headers };
};
