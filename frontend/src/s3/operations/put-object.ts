import { blobPropertiesFrom } from '../blob-properties.js';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, keyOf, type S3Operation, type S3Request } from '../operation.js';
import { checkObjectAcl, publicAccessOf } from '../public-access.js';
import { requestBody } from '../request-body.js';

/**
 * Streams the body to the partition that owns the key. The blob is committed only after the
 * body has ended with every check passed and the byte count the client declared.
 */
export const putObject: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const acl = request.headers['x-amz-acl'];
  if (typeof acl === 'string') checkObjectAcl(acl, publicAccessOf((await containers.get(request.account, bucket, request.requestId))?.publicAccess));
  const properties = blobPropertiesFrom(request.headers);
  const conditions = writeConditions(request.headers);
  const body = requestBody(request);
  let received = 0;
  const counted = (async function* () {
    for await (const chunk of body.stream) {
      received += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  })();
  const info = await partitions.putBlob({
    header: { account: request.account, container: bucket, blob: keyOf(request), properties, ...conditions },
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
      const checksum = body.checksum();
      return { contentMd5: body.md5(), ...(checksum ? { checksumAlgorithm: checksum.algorithm, checksumValue: checksum.base64 } : {}) };
    },
  });
  const checksum = body.checksum();
  const headers: Record<string, string> = { etag: `"${info.record?.etag}"` };
  if (checksum) headers[`x-amz-checksum-${checksum.algorithm}`] = checksum.base64;
  return { status: 200, headers };
};

/**
 * S3's conditional writes: `If-None-Match: *` (only if the key holds nothing) and `If-Match`
 * (only if it holds that ETag). S3 takes no other If-None-Match value on a write.
 */
export function writeConditions(headers: S3Request['headers']): { ifNoneMatch?: string; ifMatch?: string } {
  const ifNoneMatch = headers['if-none-match'];
  const ifMatch = headers['if-match'];
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*') {
    throw new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented.', { header: 'If-None-Match' });
  }
  return {
    ...(ifNoneMatch !== undefined ? { ifNoneMatch: '*' } : {}),
    ...(ifMatch !== undefined ? { ifMatch: ifMatch.trim().replace(/^"(.*)"$/, '$1') } : {}),
  };
}
