import { createHash } from 'node:crypto';
import { copySourceRange, checkCopySourceConditions, parseCopySource } from '../copy-source.js';
import { rangeSegments } from '../copy-range.js';
import type { S3Operation } from '../operation.js';
import { copySourceRead, versionIdHeader } from '../object-versions.js';
import { xmlDocument, xmlTimestamp } from '../xml.js';
import { partTarget } from './upload-part.js';

/**
 * UploadPartCopy: a part made of a range of a stored object, by reference. The blocks the
 * range covers whole are referenced; at most two edge blocks the range cuts are read and
 * their bytes in the range written again (see copy-range.ts). The part's ETag is the source's
 * for a whole single-part source (the MD5 of the same bytes), else the MD5 of the source's
 * ETag and the range: S3 clients treat part ETags as opaque, and computing the bytes' MD5
 * would mean reading them all.
 */
export const uploadPartCopy: S3Operation = async (request, { partitions, reader }) => {
  const target = partTarget(request);
  const source = parseCopySource(request);
  const info = await copySourceRead(() =>
    partitions.getBlob({ account: request.account, container: source.bucket, blob: source.key, versionId: source.versionId ?? '' }, request.requestId),
  );
  const record = info.record!;
  checkCopySourceConditions(request, record);
  const { first, last } = copySourceRange(request, record.sizeBytes);
  const whole = first === 0 && last === record.sizeBytes - 1;
  const etag = whole && /^[0-9a-f]{32}$/.test(record.etag) ? record.etag : createHash('md5').update(`${record.etag}:${first}-${last}`).digest('hex');
  const part = await partitions.multipart.uploadPart({
    header: target,
    body: rangeSegments({ source: info, first, last, reader, requestId: request.requestId }),
    expectedBytes: last - first + 1,
    requestId: request.requestId,
    beforeCommit: async () => ({ etag }),
  });
  const body = xmlDocument('CopyPartResult', { ETag: `"${part.etag}"`, LastModified: xmlTimestamp(part.lastModifiedMs) });
  const sourceVersion = versionIdHeader(record)['x-amz-version-id'];
  return { status: 200, headers: { 'content-type': 'application/xml', ...(sourceVersion ? { 'x-amz-copy-source-version-id': sourceVersion } : {}) }, body };
};
