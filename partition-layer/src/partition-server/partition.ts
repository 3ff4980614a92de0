import type { ClientPool, Clock, Logger } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import type { ExtentReader, NodeDirectory, StreamManagerClient } from '@strata/stream-layer';
import { PartitionError } from '../errors.js';
import { blobKey, blobPrefixKey, checkBlobName, checkName, compareKeys, containerKey, prefixEnd } from '../keys.js';
import { blobRecordCodec, containerRecordCodec } from '../records.js';
import { BlobUpload } from './blob-upload.js';
import type { IndexView } from './committer.js';
import type { IndexStore } from './index-store.js';
import { listBlobs, listContainers, type PartitionBounds } from './listing.js';
import { loadPartition, type LoadedPartition } from './partition-loader.js';

export interface PartitionDeps {
  manager: StreamManagerClient;
  nodes: ClientPool<streamV1.ExtentNodeClient>;
  reader: ExtentReader;
  directory: NodeDirectory;
  clock: Clock;
  log: Logger;
  /** Where this server keeps its partitions' materialised indexes. */
  dataDir: string;
  /** Extents of the partition's streams are sealed at this size. */
  extentBytesMax: number;
  /** Called once when a commit failed and the partition must be reloaded from its streams. */
  onFailed?: (partitionId: string, error: Error) => void;
}

/**
 * One range partition served by this server. Its durable state is only in its streams: the
 * commit log (index mutations) and the blob-data stream (blob bytes). The local index is
 * rebuilt from the log at load.
 */
export class Partition {
  private constructor(
    readonly descriptor: partitionV1.Partition__Output,
    private readonly bounds: PartitionBounds,
    private readonly deps: PartitionDeps,
    private readonly state: LoadedPartition,
  ) {}

  /**
   * Loads a partition from its streams (fencing out any former owner first; see
   * partition-loader.ts) and starts checkpointing it.
   */
  static async load(deps: PartitionDeps, descriptor: partitionV1.Partition__Output): Promise<Partition> {
    const state = await loadPartition(deps, descriptor);
    const bounds: PartitionBounds = {
      low: Buffer.from(descriptor.lowKey),
      high: descriptor.highKey === '' ? undefined : Buffer.from(descriptor.highKey),
    };
    return new Partition(descriptor, bounds, deps, state);
  }

  private get index(): IndexStore {
    return this.state.index;
  }

  /** Commits through the partition's committer, then checkpoints if the log has grown enough. */
  private async commit<Result>(prepare: (view: IndexView) => Promise<{ mutations: partitionV1.IndexMutation[]; result: Result }>): Promise<Result> {
    const result = await this.state.committer.commit<Result>(prepare);
    this.state.checkpointer.maybeCheckpoint();
    return result;
  }

  /** Writes a checkpoint now (also used before a split, merge or move). */
  checkpoint(): Promise<partitionV1.PartitionRoot> {
    return this.state.checkpointer.checkpoint();
  }

  get id(): string {
    return this.descriptor.partitionId;
  }

  contains(key: Buffer): boolean {
    return compareKeys(key, this.bounds.low) >= 0 && (this.bounds.high === undefined || compareKeys(key, this.bounds.high) < 0);
  }

  async createContainer(account: string, container: string): Promise<partitionV1.ContainerInfo> {
    checkName('account', account);
    checkName('container', container);
    const key = containerKey(account, container);
    const createdMs = this.deps.clock.nowMs();
    return this.commit(async (view) => {
      const existing = await view.get(key);
      if (existing) throw new PartitionError('CONTAINER_EXISTS', `container ${container} exists`);
      return { mutations: [{ key, value: containerRecordCodec.encode({ createdMs }) }], result: { account, container, createdMs } };
    });
  }

  async deleteContainer(account: string, container: string): Promise<void> {
    const key = containerKey(account, container);
    const blobs = blobPrefixKey(account, container);
    await this.commit(async (view) => {
      if (!(await view.get(key))) throw new PartitionError('NO_SUCH_CONTAINER', `no container ${container}`);
      if (await view.any({ gte: blobs, lt: prefixEnd(blobs)! })) throw new PartitionError('CONTAINER_NOT_EMPTY', `container ${container} holds blobs`);
      return { mutations: [{ key, delete: true }], result: undefined };
    });
  }

  async getContainer(account: string, container: string): Promise<partitionV1.ContainerInfo> {
    const value = await this.index.get(containerKey(account, container));
    if (!value) throw new PartitionError('NO_SUCH_CONTAINER', `no container ${container}`);
    return { account, container, createdMs: containerRecordCodec.decode(value).createdMs };
  }

  listContainers(request: { account: string; startAfter: string; maxResults: number }): ReturnType<typeof listContainers> {
    return listContainers(this.index, this.bounds, request);
  }

  /** Fails fast, before any byte is uploaded, when the blob could not be stored (checked again at commit). */
  async checkUpload(header: partitionV1.PutBlobHeader__Output): Promise<void> {
    checkBlobName(header.blob);
    if (!(await this.index.get(containerKey(header.account, header.container)))) {
      throw new PartitionError('NO_SUCH_CONTAINER', `no container ${header.container}`);
    }
    checkPreconditions(header, await this.index.get(blobKey(header.account, header.container, header.blob)));
  }

  startUpload(): BlobUpload {
    return new BlobUpload(this.state.writers.data);
  }

  /** Records an uploaded blob, if its container still exists. */
  async commitBlob(header: partitionV1.PutBlobHeader__Output, upload: BlobUpload, sizeBytes: number): Promise<partitionV1.BlobInfo> {
    const uploaded = await upload.finish();
    if (uploaded.sizeBytes !== sizeBytes) {
      throw new PartitionError('SIZE_MISMATCH', `the front-end sent ${sizeBytes} bytes but ${uploaded.sizeBytes} arrived`);
    }
    const record: partitionV1.BlobRecord = {
      sizeBytes,
      etag: uploaded.md5Hex,
      lastModifiedMs: this.deps.clock.nowMs(),
      properties: header.properties ?? {},
      blocks: uploaded.blocks,
    };
    const key = blobKey(header.account, header.container, header.blob);
    await this.commit(async (view) => {
      if (!(await view.get(containerKey(header.account, header.container)))) {
        throw new PartitionError('NO_SUCH_CONTAINER', `no container ${header.container}`);
      }
      checkPreconditions(header, await view.get(key));
      return { mutations: [{ key, value: blobRecordCodec.encode(record) }], result: undefined };
    });
    return { account: header.account, container: header.container, blob: header.blob, record, extents: [] };
  }

  async getBlob(request: partitionV1.BlobRequest__Output): Promise<partitionV1.BlobInfo> {
    checkBlobName(request.blob);
    const value = await this.index.get(blobKey(request.account, request.container, request.blob));
    if (!value) {
      if (!(await this.index.get(containerKey(request.account, request.container)))) {
        throw new PartitionError('NO_SUCH_CONTAINER', `no container ${request.container}`);
      }
      throw new PartitionError('NO_SUCH_BLOB', `no blob ${request.blob}`);
    }
    const record = blobRecordCodec.decode(value);
    const extents = await this.state.locator.describe(record.blocks.map((block) => block.extentId));
    return { ...request, record, extents };
  }

  async deleteBlob(request: partitionV1.BlobRequest__Output): Promise<boolean> {
    checkBlobName(request.blob);
    const key = blobKey(request.account, request.container, request.blob);
    return this.commit(async (view) => {
      if (!(await view.get(containerKey(request.account, request.container)))) {
        throw new PartitionError('NO_SUCH_CONTAINER', `no container ${request.container}`);
      }
      const existed = (await view.get(key)) !== undefined;
      return { mutations: existed ? [{ key, delete: true }] : [], result: existed };
    });
  }

  listBlobs(request: partitionV1.ListBlobsRequest__Output & { maxResults: number }): ReturnType<typeof listBlobs> {
    return listBlobs(this.index, this.bounds, request);
  }

  /** Stops writing (waiting for appends in flight) and drops the local index. */
  async close(): Promise<void> {
    await this.state.checkpointer.stop();
    await Promise.allSettled(Object.values(this.state.writers).map((writer) => writer.close()));
    await this.index.destroy();
  }
}

/** An upload's If-None-Match / If-Match against what the key holds now. */
function checkPreconditions(header: partitionV1.PutBlobHeader__Output, existing: Buffer | undefined): void {
  if (header.ifNoneMatch === '*' && existing) throw new PartitionError('PRECONDITION_FAILED', `${header.blob} exists`);
  if (header.ifMatch) {
    if (!existing) throw new PartitionError('NO_SUCH_BLOB', `no blob ${header.blob}`);
    const etag = blobRecordCodec.decode(existing).etag;
    if (header.ifMatch !== '*' && header.ifMatch !== etag) throw new PartitionError('PRECONDITION_FAILED', `${header.blob} has another ETag`);
  }
}
