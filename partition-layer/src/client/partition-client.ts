import type * as grpc from '@grpc/grpc-js';
import { callMetadata, callOptions, ClientPool, fromServiceError, isStrataError, unary, type CallContext, type StrataError } from '@strata/common';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { BLOB_BLOCK_BYTES } from '@strata/stream-layer';
import { PartitionError } from '../errors.js';
import { accountKey, blobKey, blobPrefixKey, compareKeys, containerKey, prefixEnd } from '../keys.js';
import { PARTITION_CALL_TIMEOUT_MS, ROUTE_RETRIES_MAX } from '../limits.js';
import type { Located, PartitionMap } from './partition-map.js';

type Client = partitionV1.PartitionServerClient;
const RETRYABLE = ['NOT_OWNER', 'PARTITION_LOADING', 'UNAVAILABLE'] as const;

/**
 * The typed client of the partition layer for front-ends: routes each call by key to the
 * partition's owner, and follows the map when a partition moves or is loading.
 */
export class PartitionClient {
  private readonly pool = new ClientPool(partitionServerProto().PartitionServer);

  constructor(private readonly map: PartitionMap) {}

  createContainer(request: partitionV1.ContainerRequest, requestId?: string): Promise<partitionV1.ContainerInfo__Output> {
    return this.routed(containerKey(request.account!, request.container!), requestId, (client, md, options, done) => client.createContainer(request, md, options, done));
  }

  getContainer(request: partitionV1.ContainerRequest, requestId?: string): Promise<partitionV1.ContainerInfo__Output> {
    return this.routed(containerKey(request.account!, request.container!), requestId, (client, md, options, done) => client.getContainer(request, md, options, done));
  }

  getBlob(request: partitionV1.BlobRequest, requestId?: string): Promise<partitionV1.BlobInfo__Output> {
    return this.routed(blobKey(request.account!, request.container!, request.blob!), requestId, (client, md, options, done) => client.getBlob(request, md, options, done));
  }

  setContainerProperties(request: partitionV1.SetContainerPropertiesRequest, requestId?: string): Promise<partitionV1.ContainerInfo__Output> {
    return this.routed(containerKey(request.account!, request.container!), requestId, (client, md, options, done) =>
      client.setContainerProperties(request, md, options, done),
    );
  }

  async deleteBlob(request: partitionV1.BlobRequest, requestId?: string): Promise<boolean> {
    const reply = await this.routed<partitionV1.DeleteBlobResponse__Output>(blobKey(request.account!, request.container!, request.blob!), requestId, (client, md, options, done) =>
      client.deleteBlob(request, md, options, done),
    );
    return reply.existed;
  }

  /** Up to `maxResults` containers of the account after `startAfter`, across partitions. */
  async listContainers(request: { account: string; startAfter: string; maxResults: number }, requestId?: string): Promise<{ containers: partitionV1.ContainerInfo__Output[]; truncated: boolean }> {
    const containers: partitionV1.ContainerInfo__Output[] = [];
    const start = accountKey(request.account);
    await this.acrossPartitions(start, prefixEnd(start), requestId, async (located, call) => {
      const reply = await call<partitionV1.ListContainersResponse__Output>((client, md, options, done) =>
        client.listContainers({ ...request, startAfter: containers.at(-1)?.container ?? request.startAfter, maxResults: request.maxResults - containers.length, partitionId: located.partition.partitionId }, md, options, done),
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
      if (last) after = last.commonPrefix ? { startAfter: last.commonPrefix, startAfterIsPrefix: true } : { startAfter: last.blob!.blob, startAfterIsPrefix: false };
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
      const listing = await this.listBlobs({ account, container, prefix: '', delimiter: '', startAfter: '', startAfterIsPrefix: false, maxResults: 1 }, requestId);
      if (listing.entries.length > 0) throw new PartitionError('CONTAINER_NOT_EMPTY', `container ${container} holds blobs`);
      for (const located of others.reverse()) {
        await this.routed(Buffer.from(located.partition.lowKey), requestId, (client, md, options, done) =>
          client.deleteContainer({ account, container, partitionId: located.partition.partitionId }, md, options, done),
        ).catch((error: unknown) => {
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
   * Walks the partitions that hold keys in [start, end), in key order, calling `visit` on each
   * until it returns false. When a partition moved or split under the walk, the walk looks
   * the current partition up again from where it was (the visitor resumes by key).
   */
  private async acrossPartitions(
    start: Buffer,
    end: Buffer | undefined,
    requestId: string | undefined,
    visit: (located: Located, call: <Reply>(invoke: Invoke<Reply>) => Promise<Reply>) => Promise<boolean>,
  ): Promise<void> {
    let cursor = start;
    for (let attempt = 0; ; ) {
      const located = this.map.covering(cursor, end)[0];
      if (!located) return;
      let more: boolean;
      try {
        if (!located.address) throw new PartitionError('UNAVAILABLE', `partition ${located.partition.partitionId} has no live server`);
        more = await visit(located, (invoke) => this.call(located.address!, requestId, invoke));
      } catch (error) {
        if (!isStrataError(error, RETRYABLE) || ++attempt > ROUTE_RETRIES_MAX) throw error;
        await this.map.changed(250 * attempt);
        continue;
      }
      if (!more || located.partition.highKey === '') return;
      cursor = Buffer.from(located.partition.highKey);
    }
  }

  /**
   * Streams a blob to its partition: header, the body in blocks, then — only once `beforeCommit`
   * resolves (the front-end's last checks of the body) — the commit. Anything thrown before
   * the commit cancels the upload and nothing is stored.
   */
  async putBlob(options: PutBlobOptions): Promise<partitionV1.BlobInfo__Output> {
    const upload = await this.openUpload(options);
    const { call, reply } = upload;
    try {
      let sizeBytes = 0;
      for await (const block of coalesce(options.body, BLOB_BLOCK_BYTES)) {
        if (upload.failure()) throw upload.failure();
        sizeBytes += block.length;
        if (!call.write({ data: block })) await drainOrFail(call, reply);
      }
      const extra = await options.beforeCommit();
      if (upload.failure()) throw upload.failure();
      call.write({ commit: { ...extra, sizeBytes } });
      call.end();
    } catch (error) {
      call.cancel();
      throw error;
    }
    return reply;
  }

  /**
   * Opens an upload and waits until the partition server has accepted its header (it sends
   * its response headers then), so that a partition that moved, is loading, or is frozen for
   * a split is retried elsewhere before a byte of the body is read.
   */
  private async openUpload(options: PutBlobOptions): Promise<OpenUpload> {
    const key = blobKey(options.header.account!, options.header.container!, options.header.blob!);
    const context: CallContext = { timeoutMs: uploadTimeoutMs(options.expectedBytes), ...(options.requestId ? { requestId: options.requestId } : {}) };
    for (let attempt = 0; ; attempt++) {
      const located = await this.locateWithOwner(key);
      let failure: StrataError | undefined;
      let call!: grpc.ClientWritableStream<partitionV1.PutBlobRequest>;
      const reply = new Promise<partitionV1.BlobInfo__Output>((resolve, reject) => {
        call = this.pool.get(located.address).putBlob(callMetadata(context), callOptions(context), (error, info) => {
          if (error) reject((failure = fromServiceError(error)));
          else resolve(info as partitionV1.BlobInfo__Output);
        });
      });
      reply.catch(() => undefined);
      call.write({ header: options.header });
      const accepted = await new Promise<boolean>((resolve) => {
        call.once('metadata', () => resolve(true));
        reply.then(() => resolve(true), () => resolve(false));
      });
      if (accepted) return { call, reply, failure: () => failure };
      if (!isStrataError(failure, RETRYABLE) || attempt >= ROUTE_RETRIES_MAX) throw failure;
      await this.map.changed(250 * (attempt + 1));
    }
  }

  private async locateWithOwner(key: Buffer): Promise<Located & { address: string }> {
    for (let attempt = 0; attempt <= ROUTE_RETRIES_MAX; attempt++) {
      const located = this.map.locate(key);
      if (located?.address) return located as Located & { address: string };
      await this.map.changed(250 * (attempt + 1));
    }
    throw new PartitionError('UNAVAILABLE', 'no live partition server holds the key');
  }

  private async routed<Reply>(key: Buffer, requestId: string | undefined, invoke: Invoke<Reply>): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      const located = await this.locateWithOwner(key);
      try {
        return await this.call(located.address, requestId, invoke);
      } catch (error) {
        if (!isStrataError(error, RETRYABLE) || attempt >= ROUTE_RETRIES_MAX) throw error;
        await this.map.changed(250 * (attempt + 1));
      }
    }
  }

  private call<Reply>(address: string, requestId: string | undefined, invoke: Invoke<Reply>): Promise<Reply> {
    const context: CallContext = { timeoutMs: PARTITION_CALL_TIMEOUT_MS, ...(requestId ? { requestId } : {}) };
    return unary<Reply>((done) => invoke(this.pool.get(address), callMetadata(context), callOptions(context), done));
  }

  close(): void {
    this.pool.close();
  }
}

export interface PutBlobOptions {
  header: partitionV1.PutBlobHeader;
  body: AsyncIterable<Buffer>;
  /**
   * The front-end's last checks of the body; the blob is committed only if it resolves, with
   * what it returns (a verified checksum) added to the commit.
   */
  beforeCommit: () => Promise<Omit<partitionV1.PutBlobCommit, 'sizeBytes'> | void>;
  expectedBytes?: number;
  requestId?: string;
}

interface OpenUpload {
  call: grpc.ClientWritableStream<partitionV1.PutBlobRequest>;
  reply: Promise<partitionV1.BlobInfo__Output>;
  failure: () => StrataError | undefined;
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

type Invoke<Reply> = (client: Client, metadata: grpc.Metadata, options: grpc.CallOptions, done: (error: grpc.ServiceError | null, reply?: Reply) => void) => void;

/** An upload may take long; give it time in proportion to its size (at least 1 MiB/s). */
function uploadTimeoutMs(expectedBytes: number | undefined): number {
  return expectedBytes === undefined ? 3_600_000 : PARTITION_CALL_TIMEOUT_MS + Math.ceil(expectedBytes / (1024 * 1024)) * 1_000;
}

/** Regroups a byte stream into chunks of `size` (the last may be shorter), so each gRPC message carries one block. */
async function* coalesce(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    bytes += chunk.length;
    while (bytes >= size) {
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
      yield all.subarray(0, size);
      const rest = all.subarray(size);
      parts = rest.length > 0 ? [rest] : [];
      bytes = rest.length;
    }
  }
  if (bytes > 0) yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
}

function drainOrFail(call: grpc.ClientWritableStream<partitionV1.PutBlobRequest>, reply: Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    call.once('drain', resolve);
    reply.then(
      () => resolve(),
      (error: unknown) => reject(error),
    );
  });
}
