import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { blobKey, blobPrefixKey, prefixEnd } from '../keys.js';
import type { ChunkedData } from '@strata/stream-layer';
import { uploadMessages, withChunkedData, type PartSegment } from './block-messages.js';
import { sendStream, uploadTimeoutMs, type PartitionRouter } from './partition-router.js';

export type { PartSegment };

export interface UploadPartOptions {
  header: partitionV1.UploadPartHeader;
  body: AsyncIterable<PartSegment>;
  /**
   * The front-end's last checks of the body; resolves with what the commit must say beyond the
   * size: the part's ETag, given (a copied part) or as the MD5 of the bytes sent (the partition
   * server does not hash), and a verified checksum, if any.
   */
  beforeCommit: () => Promise<Omit<partitionV1.UploadPartCommit, 'sizeBytes' | 'etag' | 'contentMd5'> & ({ etag: string } | { contentMd5: Buffer })>;
  expectedBytes?: number;
  requestId?: string;
}

export interface ListUploadsOptions {
  account: string;
  container: string;
  prefix: string;
  delimiter: string;
  keyMarker: string;
  uploadIdMarker: string;
  keyMarkerIsPrefix: boolean;
  maxResults: number;
}

/**
 * The partition layer's multipart uploads, for front-ends. Every call about an
 * upload goes to its blob's partition (an upload's keys follow its blob's key).
 */
export class MultipartClient {
  constructor(private readonly router: PartitionRouter) {}

  createUpload(request: partitionV1.CreateUploadRequest, requestId?: string): Promise<partitionV1.UploadInfo__Output> {
    return this.router.routed(blobKey(request.account!, request.container!, request.blob!), requestId, (client, md, options, done) =>
      client.createUpload(request, md, options, done),
    );
  }

  /**
   * Streams a part to its upload's partition: the header, the segments (bytes in blocks, runs of
   * stored blocks as references), then — only once `beforeCommit` resolves — the commit.
   * Anything thrown before the commit cancels the part and nothing is stored.
   */
  async uploadPart(options: UploadPartOptions): Promise<partitionV1.PartInfo__Output> {
    const method = partitionServerProto().PartitionServer.service.UploadPart;
    const opened = await this.router.openStream<partitionV1.UploadPartRequest | ChunkedData, partitionV1.PartInfo__Output>({
      key: keyOf(options.header.upload!),
      header: { header: options.header },
      // Bytes go as chunk lists, encoded without joining them first (block-messages.ts).
      open: (client, md, callOptions, done) =>
        client.makeClientStreamRequest(method.path, withChunkedData(method.requestSerialize), method.responseDeserialize, md, callOptions, done),
      timeoutMs: uploadTimeoutMs(options.expectedBytes),
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    const body = uploadMessages(options.body);
    return sendStream(opened, body.messages, async () => ({ commit: { ...(await options.beforeCommit()), sizeBytes: body.sizeBytes() } }));
  }

  completeUpload(request: partitionV1.CompleteUploadRequest, requestId?: string): Promise<partitionV1.CompleteUploadResponse__Output> {
    return this.router.routed(keyOf(request.upload!), requestId, (client, md, options, done) => client.completeUpload(request, md, options, done));
  }

  async abortUpload(request: partitionV1.UploadRequest, requestId?: string): Promise<void> {
    await this.router.routed(keyOf(request), requestId, (client, md, options, done) => client.abortUpload(request, md, options, done));
  }

  listParts(request: partitionV1.ListPartsRequest, requestId?: string): Promise<partitionV1.ListPartsResponse__Output> {
    return this.router.routed(keyOf(request.upload!), requestId, (client, md, options, done) => client.listParts(request, md, options, done));
  }

  /**
   * Up to `maxResults` open uploads (and common prefixes) of a container in (key, upload id)
   * order, across partitions; `truncated` if more follow.
   */
  async listUploads(request: ListUploadsOptions, requestId?: string): Promise<{ entries: partitionV1.UploadEntry__Output[]; truncated: boolean }> {
    const start = blobPrefixKey(request.account, request.container, request.prefix);
    const entries: partitionV1.UploadEntry__Output[] = [];
    const wanted = request.maxResults + 1;
    let after = { keyMarker: request.keyMarker, uploadIdMarker: request.uploadIdMarker, keyMarkerIsPrefix: request.keyMarkerIsPrefix };
    await this.router.acrossPartitions(start, prefixEnd(start), requestId, async (located, call) => {
      const reply = await call<partitionV1.ListUploadsResponse__Output>((client, md, options, done) =>
        client.listUploads({ ...request, ...after, maxResults: wanted - entries.length, partitionId: located.partition.partitionId }, md, options, done),
      );
      entries.push(...reply.entries);
      const last = entries.at(-1);
      if (last?.commonPrefix) after = { keyMarker: last.commonPrefix, uploadIdMarker: '', keyMarkerIsPrefix: true };
      else if (last?.upload) after = { keyMarker: last.upload.blob, uploadIdMarker: last.upload.uploadId, keyMarkerIsPrefix: false };
      return entries.length < wanted && reply.partitionEnd;
    });
    return { entries: entries.slice(0, request.maxResults), truncated: entries.length > request.maxResults };
  }
}

function keyOf(upload: partitionV1.UploadRequest): Buffer {
  return blobKey(upload.account!, upload.container!, upload.blob!);
}
