import { isStrataError, rethrowIfAssertion } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import type { ChecksumAlgorithm } from '../../auth/checksum.js';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { algorithmName, checksumXml, type ChecksumType } from '../multipart/checksum-algorithm.js';
import { parseCompleteRequest, type ListedPart } from '../multipart/complete-request.js';
import { listedChecksums, objectChecksum } from '../multipart/object-checksum.js';
import { versioningOf } from '../object-versions.js';
import { bucketOf, keyOf, type S3Deps, type S3Operation, type S3Request } from '../operation.js';
import { xmlDocument } from '../xml.js';
import { readXmlBody } from '../xml-body.js';
import { writeConditions } from './put-object.js';

/** Largest CompleteMultipartUpload body: 10,000 parts of about 200 bytes each, with room. */
const COMPLETE_BODY_BYTES_MAX = 4 * 1024 * 1024;

type Upload = partitionV1.UploadRequest & { account: string; container: string; blob: string; uploadId: string };

/**
 * CompleteMultipartUpload: makes the object from the listed parts in one commit at the blob's
 * partition (parts referenced, not copied; ETag "<MD5 of the part MD5s>-<count>"), with
 * If-None-Match / If-Match checked in that commit. A retry of a completed upload gets the same
 * answer. With an upload checksum, the object's is derived from the parts' listed checksums.
 */
export const completeMultipartUpload: S3Operation = async (request, deps) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const conditions = writeConditions(request.headers);
  const upload: Upload = { account: request.account, container: bucket, blob: keyOf(request), uploadId: request.target.query.get('uploadId') ?? '' };
  const parts = parseCompleteRequest(await readXmlBody(request, 'CompleteMultipartUpload', COMPLETE_BODY_BYTES_MAX));
  const checksums = await completionChecksums(request, deps, upload, parts);
  const versioning = await versioningOf(deps.containers, request, bucket);
  const result = await deps.partitions.multipart.completeUpload(
    {
      upload,
      parts: parts.map((part, i) => ({ partNumber: part.partNumber, etag: part.etag, checksum: checksums.parts[i] ?? '' })),
      checksum: checksums.object,
      versioning,
      ...conditions,
    },
    request.requestId,
  );
  const body = xmlDocument('CompleteMultipartUploadResult', {
    Location: `http://${request.headers.host ?? 'localhost'}/${bucket}/${keyOf(request).split('/').map(encodeURIComponent).join('/')}`,
    Bucket: bucket,
    Key: keyOf(request),
    ETag: `"${result.etag}"`,
    ...checksumXml({ algorithm: result.checksumAlgorithm, value: result.checksum, type: result.checksumType }),
  });
  // As a PUT's: none in a bucket never versioned, "null" in a suspended one.
  const version: Record<string, string> = versioning !== '' ? { 'x-amz-version-id': result.versionId || 'null' } : {};
  return { status: 200, headers: { 'content-type': 'application/xml', ...version }, body };
};

/**
 * The checksum to check each listed part against, and the object's: of the upload's algorithm
 * when it has one (each part must list one), else whatever single checksum a part lists.
 */
async function completionChecksums(
  request: S3Request,
  deps: S3Deps,
  upload: Upload,
  parts: readonly ListedPart[],
): Promise<{ parts: string[]; object: string }> {
  const info = await deps.partitions.multipart.listParts({ upload, partNumberMarker: 0, maxParts: 1 }, request.requestId).catch((error: unknown) => {
    rethrowIfAssertion(error);
    // A completed upload is answered by the completion itself (a retry), a missing one too.
    if (isStrataError(error, ['NO_SUCH_UPLOAD'])) return undefined;
    throw error;
  });
  const algorithm = info?.upload?.checksumAlgorithm as ChecksumAlgorithm | '' | undefined;
  if (!algorithm) return { parts: parts.map((part) => Object.values(part.checksums)[0] ?? ''), object: '' };
  const type = info!.upload!.checksumType as ChecksumType;
  const partChecksums = listedChecksums(algorithm, parts);
  const partSizes = type === 'FULL_OBJECT' ? await sizesOf(request, deps, upload, parts) : undefined;
  const object = objectChecksum({ algorithm, type, partChecksums, ...(partSizes ? { partSizes } : {}) });
  const declared = request.headers[`x-amz-checksum-${algorithm}`];
  if (typeof declared === 'string' && declared !== object && declared !== object.replace(/-\d+$/, '')) {
    throw new S3Error('BadDigest', `The ${algorithmName(algorithm)} you specified did not match the calculated checksum.`, {
      expected: declared,
      calculated: object,
    });
  }
  return { parts: partChecksums, object };
}

/** The sizes of the listed parts, from ListParts pages (a part not uploaded counts 0: the completion refuses it). */
async function sizesOf(request: S3Request, deps: S3Deps, upload: Upload, parts: readonly ListedPart[]): Promise<number[]> {
  const sizes = new Map<number, number>();
  let marker = 0;
  for (;;) {
    const page = await deps.partitions.multipart.listParts({ upload, partNumberMarker: marker, maxParts: 1000 }, request.requestId);
    for (const part of page.parts) sizes.set(part.partNumber, part.sizeBytes);
    if (!page.truncated || page.parts.length === 0) break;
    marker = page.parts.at(-1)!.partNumber;
  }
  return parts.map((part) => sizes.get(part.partNumber) ?? 0);
}
