import type { partitionV1 } from '@strata/protos';
import { BlobCache } from '../cache/blob-cache.js';
import { checkBucketName } from './bucket-names.js';
import { parseByteRange } from './byte-range.js';
import { objectHeaders, validatorHeaders } from './object-headers.js';
import { bucketOf, keyOf, type S3Deps, type S3Request, type S3Response } from './operation.js';
import { judgeReadConditions } from './read-conditions.js';
import { applyResponseOverrides } from './response-overrides.js';
import { startedBody } from './started-body.js';
import { deleteMarkerError, versionIdHeader, versionIdOf } from './object-versions.js';

/**
 * GET and HEAD of an object: one answer shape for both (HEAD only drops the body). The
 * conditional headers are judged first (304 / 412), then the range (206 / 416); the bytes are
 * streamed straight from the extent nodes at the record's pointers, reading only the blocks
 * that hold the range.
 */
export async function readObject(request: S3Request, { records, reader, containers, blobs, partitions }: S3Deps, withBody: boolean): Promise<S3Response> {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const versionId = versionIdOf(request);
  const blob = { account: request.account, container: bucket, blob: keyOf(request) };
  // The current record is shared with other GETs while its lease lasts: read, never changed.
  // A version named by id is read from its partition each time (versions are not cached).
  const info =
    versionId === undefined
      ? await records.get(blob, request.requestId)
      : await partitions.getBlob({ ...blob, versionId, withDeleteMarkers: true }, request.requestId);
  const record = info.record!;
  if (record.deleteMarker) throw deleteMarkerError(record, versionId !== undefined, request.method);
  const size = Number(record.sizeBytes);
  const defaultCacheControl = record.properties?.cacheControl
    ? ''
    : ((await containers.get(request.account, bucket, request.requestId))?.defaultCacheControl ?? '');
  if (judgeReadConditions(request.headers, { etag: record.etag, lastModifiedMs: Number(record.lastModifiedMs) }) === 'not-modified') {
    return { status: 304, headers: validatorHeaders(record, defaultCacheControl) };
  }
  const headers = { ...objectHeaders(record, request.headers, defaultCacheControl), ...versionIdHeader(record) };
  applyResponseOverrides(headers, request.target.query, request.auth);
  const range = parseByteRange(headerString(request.headers.range), size);
  if (range) {
    // A stored checksum covers the whole object, never a range of it (S3 omits it too).
    for (const name of Object.keys(headers)) if (name.startsWith('x-amz-checksum-')) delete headers[name];
    headers['content-length'] = range.end - range.start + 1;
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
  }
  const status = range ? 206 : 200;
  if (!withBody) return { status, headers };
  // A small blob's bytes came with its record: no extent to read.
  const inline = record.inlineData;
  if (inline && inline.length > 0) return { status, headers, body: range ? inline.subarray(range.start, range.end + 1) : inline };
  // A hot blob's bytes come from memory, or from the one read its concurrent GETs share.
  const key = BlobCache.keyOf(record.blocks);
  if (blobs.admits(key, size)) {
    const whole = await blobs.get(key, () => readWhole(reader, info, request.requestId));
    return { status, headers, body: range ? whole.subarray(range.start, range.end + 1) : whole };
  }
  const body = await startedBody(
    reader.readPointers({
      pointers: record.blocks,
      extents: extentsOf(info),
      requestId: request.requestId,
      ...(range ? { range: { start: range.start, length: range.end - range.start + 1 } } : {}),
    }),
  );
  return { status, headers, body };
}

/** A blob's bytes, whole, from its blocks. */
async function readWhole(reader: S3Deps['reader'], info: partitionV1.BlobInfo__Output, requestId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const data of reader.readPointers({ pointers: info.record!.blocks, extents: extentsOf(info), requestId })) parts.push(data);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function extentsOf(info: partitionV1.BlobInfo__Output): Map<string, NonNullable<partitionV1.BlobInfo__Output['extents']>[number]> {
  return new Map(info.extents.map((extent) => [extent.extentId, extent]));
}

function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
