import type * as grpc from '@grpc/grpc-js';
import { assert, isStrataError, rethrowIfAssertion, type Clock } from '@strata/common';
import { PartitionError } from '../errors.js';
import { INLINE_BLOB_BYTES_MAX } from '../limits.js';
import { accountKey, blobKey, blobPrefixKey, compareKeys, containerKey, prefixEnd } from '../keys.js';
import { MultipartClient } from './multipart-client.js';
import type { Located, PartitionMap } from './partition-map.js';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import type { ChunkedData } from '@strata/stream-layer';
import { uploadMessages, withChunkedData, type PartSegment } from './block-messages.js';
import { PartitionRouter, sendStream, uploadTimeoutMs, type Invoke } from './partition-router.js';

/** The definitions (their encodings) of the calls made over the call transport. */
const GET_BLOB = partitionServerProto().PartitionServer.service.GetBlob!;
const PUT_SMALL_BLOB = partitionServerProto().PartitionServer.service.PutSmallBlob!;

/**
 * The typed client of the partition layer for front-ends: routes each call by key to the
 * partition's owner, and follows the map when a partition moves or is loading.
 */
export class PartitionClient {
  private readonly router: PartitionRouter;
  /** Multipart uploads and copies. */
  readonly multipart: MultipartClient;

  constructor(
    private readonly map: PartitionMap,
    clock?: Clock,
  ) {
    this.router = new PartitionRouter(map, clock);
    this.multipart = new MultipartClient(this.router);
  }

  private routed<Reply>(key: Buffer, requestId: string | undefined, invoke: Invoke<Reply>): Promise<Reply> {
    return this.router.routed(key, requestId, invoke);
  }

  private acrossPartitions(...args: Parameters<PartitionRouter['acrossPartitions']>): Promise<void> {
    return this.router.acrossPartitions(...args);
  }

  createContainer(request: partitionV1.ContainerRequest, requestId?: string): Promise<partitionV1.ContainerInfo__Output> {
    return this.routed(containerKey(request.account!, request.container!), requestId, (client, md, options, done) =>
      client.createContainer(request, md, options, done),
    );
  }

  getContainer(request: partitionV1.ContainerRequest, requestId?: string): Promise<partitionV1.ContainerInfo__Output> {
    return this.routed(containerKey(request.account!, request.container!), requestId, (client, md, options, done) =>
      client.getContainer(request, md, options, done),
    );
  }

  getBlob(request: partitionV1.BlobRequest, requestId?: string): Promise<partitionV1.BlobInfo__Output> {
    return this.router.routedCall(
      blobKey(request.account!, request.container!, request.blob!),
      requestId,
      GET_BLOB as grpc.MethodDefinition<partitionV1.BlobRequest, partitionV1.BlobInfo__Output>,
      request,
      (client, md, options, done) => client.getBlob(request, md, options, done),
    );
  }

  setContainerProperties(request: partitionV1.SetContainerPropertiesRequest, requestId?: string): Promise<partitionV1.ContainerInfo__Output> {
    return this.routed(containerKey(request.account!, request.container!), requestId, (client, md, options, done) =>
      client.setContainerProperties(request, md, options, done),
    );
  }

  /** Replaces a blob's tags, nothing else of it (SetBlobTags). */
  setBlobTags(request: partitionV1.SetBlobTagsRequest, requestId?: string): Promise<partitionV1.BlobInfo__Output> {
    return this.routed(blobKey(request.account!, request.container!, request.blob!), requestId, (client, md, options, done) =>
      client.setBlobTags(request, md, options, done),
    );
  }

  /** Deletes a blob, or one version of it (`versionId`); in a versioned container (`versioning`) writes a delete marker. */
  deleteBlob(request: partitionV1.BlobRequest, requestId?: string): Promise<partitionV1.DeleteBlobResponse__Output> {
    return this.routed<partitionV1.DeleteBlobResponse__Output>(
      blobKey(request.account!, request.container!, request.blob!),
      requestId,
      (client, md, options, done) => client.deleteBlob(request, md, options, done),
    );
  }

  /**
   * Up to `maxResults` entries (versions, newest first per blob, and common prefixes) of a
   * container in key order, across partitions; `truncated` if more follow.
   */
  async listBlobVersions(request: ListBlobVersionsOptions, requestId?: string): Promise<{ entries: partitionV1.VersionEntry__Output[]; truncated: boolean }> {
    const start = blobPrefixKey(request.account, request.container, request.prefix);
    const entries: partitionV1.VersionEntry__Output[] = [];
    const wanted = request.maxResults + 1;
    let after = { keyMarker: request.keyMarker, versionIdMarker: request.versionIdMarker, keyMarkerIsPrefix: request.keyMarkerIsPrefix };
    await this.acrossPartitions(start, prefixEnd(start), requestId, async (located, call) => {
      const reply = await call<partitionV1.ListBlobVersionsResponse__Output>((client, md, options, done) =>
        client.listBlobVersions({ ...request, ...after, maxResults: wanted - entries.length, partitionId: located.partition.partitionId }, md, options, done),
      );
      entries.push(...reply.entries);
      const last = entries.at(-1);
      if (last?.commonPrefix) after = { keyMarker: last.commonPrefix, versionIdMarker: '', keyMarkerIsPrefix: true };
      else if (last?.version) after = { keyMarker: last.version.blob, versionIdMarker: last.version.versionId || 'null', keyMarkerIsPrefix: false };
      return entries.length < wanted && reply.partitionEnd;
    });
    return { entries: entries.slice(0, request.maxResults), truncated: entries.length > request.maxResults };
  }

  /** Up to `maxResults` containers of the account after `startAfter`, across partitions. */
  async listContainers(
    request: { account: string; startAfter: string; maxResults: number },
    requestId?: string,
  ): Promise<{ containers: partitionV1.ContainerInfo__Output[]; truncated: boolean }> {
    const containers: partitionV1.ContainerInfo__Output[] = [];
    const start = accountKey(request.account);
    await this.acrossPartitions(start, prefixEnd(start), requestId, async (located, call) => {
      const reply = await call<partitionV1.ListContainersResponse__Output>((client, md, options, done) =>
        client.listContainers(
          {
            ...request,
            startAfter: containers.at(-1)?.container ?? request.startAfter,
            maxResults: request.maxResults - containers.length,
            partitionId: located.partition.partitionId,
          },
          md,
          options,
          done,
        ),
      );
      containers.push(...reply.containers);
      return containers.length < request.maxResults && reply.partitionEnd;
    });
    return { containers: containers.slice(0, request.maxResults), truncated: containers.length >= request.maxResults };
  }

  /**
   * Up to `maxResults` entries (blobs and common prefixes) of a container in name order,
   * across partitions; `truncated` if more follow.
   */
  async listBlobs(request: ListBlobsOptions, requestId?: string): Promise<{ entries: partitionV1.ListEntry__Output[]; truncated: boolean }> {
    const start = blobPrefixKey(request.account, request.container, request.prefix);
    const entries: partitionV1.ListEntry__Output[] = [];
    // Ask for one more than wanted, to know whether the listing is truncated.
    const wanted = request.maxResults + 1;
    let after = { startAfter: request.startAfter, startAfterIsPrefix: request.startAfterIsPrefix };
    await this.acrossPartitions(start, prefixEnd(start), requestId, async (located, call) => {
      const reply = await call<partitionV1.ListBlobsResponse__Output>((client, md, options, done) =>
        client.listBlobs({ ...request, ...after, maxResults: wanted - entries.length, partitionId: located.partition.partitionId }, md, options, done),
      );
      entries.push(...reply.entries);
      const last = entries.at(-1);
      if (last)
        after = last.commonPrefix ? { startAfter: last.commonPrefix, startAfterIsPrefix: true } : { startAfter: last.blob!.blob, startAfterIsPrefix: false };
      return entries.length < wanted && reply.partitionEnd;
    });
    return { entries: entries.slice(0, request.maxResults), truncated: entries.length > request.maxResults };
  }

  /**
   * Deletes a container. When its blobs run across several partitions (a split cut them),
   * the ones after the first hold a copy of its record: every part must be empty, then the
   * copies go, then the record itself.
   */
  async deleteContainer(request: partitionV1.ContainerRequest, requestId?: string): Promise<void> {
    const account = request.account!;
    const container = request.container!;
    const recordKey = containerKey(account, container);
    const blobs = blobPrefixKey(account, container);
    const others = this.map.covering(blobs, prefixEnd(blobs)).filter((located) => !this.holds(located, recordKey));
    if (others.length > 0) {
      const listing = await this.listBlobs(
        { account, container, prefix: '', delimiter: '', startAfter: '', startAfterIsPrefix: false, maxResults: 1 },
        requestId,
      );
      if (listing.entries.length > 0) throw new PartitionError('CONTAINER_NOT_EMPTY', `container ${container} holds blobs`);
      for (const located of others.reverse()) {
        await this.routed(Buffer.from(located.partition.lowKey), requestId, (client, md, options, done) =>
          client.deleteContainer({ account, container, partitionId: located.partition.partitionId }, md, options, done),
        ).catch((error: unknown) => {
          rethrowIfAssertion(error);
          if (!isStrataError(error, ['NO_SUCH_CONTAINER'])) throw error;
        });
      }
    }
    await this.routed(recordKey, requestId, (client, md, options, done) => client.deleteContainer({ account, container }, md, options, done));
  }

  private holds(located: Located, key: Buffer): boolean {
    const { lowKey, highKey } = located.partition;
    return compareKeys(key, lowKey) >= 0 && (highKey === '' || compareKeys(key, highKey) < 0);
  }

  /**
   * Streams a blob to its partition: header, the body in blocks, then — only once `beforeCommit`
   * resolves (the front-end's last checks of the body) — the commit. Anything thrown before
   * the commit cancels the upload and nothing is stored.
   */
  async putBlob(options: PutBlobOptions): Promise<partitionV1.BlobInfo__Output> {
    if (options.expectedBytes !== undefined && options.expectedBytes <= INLINE_BLOB_BYTES_MAX)
      return this.putSmallBlob(options as PutBlobOptions & { expectedBytes: number });
    const method = partitionServerProto().PartitionServer.service.PutBlob;
    const opened = await this.router.openStream<partitionV1.PutBlobRequest | ChunkedData, partitionV1.BlobInfo__Output>({
      key: blobKey(options.header.account!, options.header.container!, options.header.blob!),
      header: { header: options.header },
      // The body's blocks go as chunk lists, encoded without joining them first (block-messages.ts).
      open: (client, md, callOptions, done) =>
        client.makeClientStreamRequest(method.path, withChunkedData(method.requestSerialize), method.responseDeserialize, md, callOptions, done),
      timeoutMs: uploadTimeoutMs(options.expectedBytes),
      ...(options.requestId ? { requestId: options.requestId } : {}),
    });
    const body = uploadMessages(options.body);
    return sendStream(opened, body.messages, async () => ({ commit: { ...(await options.beforeCommit()), sizeBytes: body.sizeBytes() } }));
  }

  /**
   * A body small enough to live in its commit record is read whole first and sent in one call
   * (PutSmallBlob), which needs no accepted header before it sends. It is retried only where
   * nothing can have been stored: a moved or loading partition, a connection never made.
   */
  private async putSmallBlob(options: PutBlobOptions & { expectedBytes: number }): Promise<partitionV1.BlobInfo__Output> {
    const chunks: Buffer[] = [];
    let sizeBytes = 0;
    for await (const segment of options.body) {
      assert(Buffer.isBuffer(segment), 'a small body is sent as its bytes, never as stored blocks');
      chunks.push(segment);
      sizeBytes += segment.length;
      // More than declared: the front-end's own check (beforeCommit) refuses it.
      if (sizeBytes > options.expectedBytes) break;
    }
    const commit = { ...(await options.beforeCommit()), sizeBytes };
    const request: partitionV1.PutSmallBlobRequest = { header: options.header, data: Buffer.concat(chunks, sizeBytes), commit };
    return this.router.routedCall(
      blobKey(options.header.account!, options.header.container!, options.header.blob!),
      options.requestId,
      PUT_SMALL_BLOB as grpc.MethodDefinition<partitionV1.PutSmallBlobRequest, partitionV1.BlobInfo__Output>,
      request,
      (client, md, callOptions, done) => client.putSmallBlob(request, md, callOptions, done),
      (error) => error.code !== 'UNAVAILABLE' || error.details['delivered'] === false,
    );
  }

  /**
   * Stores a copy (CopyObject): a blob of the blocks `request.record` points at, already
   * stored (the source's). No byte moves; the destination's partition holds the blocks'
   * extents before its record commits (see CopyBlob).
   */
  copyBlob(request: partitionV1.CopyBlobRequest, requestId?: string): Promise<partitionV1.BlobInfo__Output> {
    return this.routed(blobKey(request.account!, request.container!, request.blob!), requestId, (client, md, options, done) =>
      client.copyBlob(request, md, options, done),
    );
  }

  close(): void {
    this.router.close();
  }
}

export interface PutBlobOptions {
  header: partitionV1.PutBlobHeader;
  /** Bytes for the partition server to store, or runs of blocks the front-end stored itself. */
  body: AsyncIterable<PartSegment>;
  /**
   * The front-end's last checks of the body; the blob is committed only if it resolves, with
   * what it returns added to the commit: the MD5 of the body (its ETag; the partition server
   * does not hash) and a verified checksum, if any.
   */
  beforeCommit: () => Promise<Omit<partitionV1.PutBlobCommit, 'sizeBytes' | 'contentMd5'> & { contentMd5: Buffer }>;
  expectedBytes?: number;
  requestId?: string;
}

export interface ListBlobVersionsOptions {
  account: string;
  container: string;
  prefix: string;
  delimiter: string;
  /** Resume after this key's versions (all of them, or those up to `versionIdMarker`), or after this common prefix. */
  keyMarker: string;
  versionIdMarker: string;
  keyMarkerIsPrefix: boolean;
  maxResults: number;
}

export interface ListBlobsOptions {
  account: string;
  container: string;
  prefix: string;
  delimiter: string;
  /** Exclusive; with `startAfterIsPrefix`, every blob under that common prefix is skipped too. */
  startAfter: string;
  startAfterIsPrefix: boolean;
  maxResults: number;
}
