import { warnDropped, type Clock, type Failpoints, type Logger, type Random, type Timer, type Workers } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import type { ExtentNodes, ExtentReader, NodeDirectory, StreamManagerClient } from '@strata/stream-layer';
import { PartitionError } from '../errors.js';
import { blobKey, checkBlobName, compareKeys, containerKey } from '../keys.js';
import { BlobOperations } from './blobs/blob-operations.js';
import { GC_LEASE_MARGIN_MS, STATS_TTL_MS, UPLOAD_DRAIN_MS } from '../limits.js';
import type { CompactionFailpoint } from '../gc/compactor.js';
import type { CheckpointFailpoint } from './commit/checkpointer.js';
import { PartitionGc } from '../gc/partition-gc.js';
import type { RateLimiter } from '../gc/rate-limiter.js';
import { BlobUpload } from './uploads/blob-upload.js';
import type { IndexView } from './commit/committer.js';
import type { IndexStore } from './commit/index-store.js';
import { listBlobs, type PartitionBounds } from './listing.js';
import { loadPartition, type LoadedPartition } from './ownership/partition-loader.js';
import { PartitionContainers } from './containers/partition-containers.js';
import { checkPreconditionsIn } from './preconditions.js';
import { listUploads } from './uploads/upload-listing.js';
import { UploadSweeper } from './uploads/upload-sweeper.js';
import { CacheLeases } from './cache-leases/cache-leases.js';
import { PartitionUploads, type UploadFailpoint } from './uploads/partition-uploads.js';
import { setBlobTags } from './tags/blob-tags.js';
import { listBlobVersions } from './versions/version-listing.js';

export interface PartitionDeps {
  manager: StreamManagerClient;
  nodes: ExtentNodes;
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
  random: Random;
  /** Incomplete multipart uploads older than this are removed. */
  uploadExpiryMs: number;
  /** Paces every compaction of this server (the operator's MiB/s). */
  gcLimiter: RateLimiter;
  /** Whether background space reclamation is paused: a running compaction stops at its next record. */
  gcPaused: () => boolean;
  /** How long this server's lease is sure to last (see PartitionHost); a compaction stops below a margin. */
  leaseValidForMs?: () => number;
  /** How long this server may surely go on serving (its read fence, PartitionHost); no cache lease outlasts it. None: no cache leases. */
  servingForMs?: () => number;
  failpoints: Failpoints<UploadFailpoint | CompactionFailpoint | CheckpointFailpoint>;
  /** The server's background jobs: each partition adds its checkpoint and upload-sweep jobs while it serves. */
  workers: Workers;
}

/**
 * One range partition served by this server. Its durable state is only in its streams: the
 * commit log (index mutations) and the blob-data stream (blob bytes). The local index is
 * rebuilt from the log at load.
 */
export class Partition {
  /** The partition's container records. */
  readonly containers: PartitionContainers;
  /** Read leases the front-ends cache hot blob records under; every write of a blob waits out those on its key. */
  private readonly leases: CacheLeases;
  /** The partition's multipart uploads. */
  readonly multipart: PartitionUploads;
  private readonly sweeper: UploadSweeper;
  /** Space reclamation of this partition: usage scans, compaction, holds for copied pointers. */
  readonly gc: PartitionGc;
  /** PutBlob, GetBlob, DeleteBlob and CopyBlob. */
  private readonly blobs: BlobOperations;

  private constructor(
    readonly descriptor: partitionV1.Partition__Output,
    private readonly bounds: PartitionBounds,
    private readonly deps: PartitionDeps,
    private readonly state: LoadedPartition,
  ) {
    const commit = this.commit.bind(this);
    this.leases = new CacheLeases({ clock: deps.clock, servingForMs: deps.servingForMs ?? (() => 0) });
    this.containers = new PartitionContainers({ index: state.index, commit, bounds, clock: deps.clock });
    this.multipart = new PartitionUploads({
      index: state.index,
      commit,
      quiescing: () => this.quiescing,
      clock: deps.clock,
      random: deps.random,
      failpoints: deps.failpoints,
      protect: (pointers) => this.gc.protect(pointers),
      checkWritten: (pointers) => this.gc.checkWritten(pointers),
      leases: this.leases,
    });
    this.blobs = new BlobOperations({
      index: state.index,
      commit,
      leases: this.leases,
      locator: state.locator,
      clock: deps.clock,
      random: deps.random,
      protect: (pointers) => this.gc.protect(pointers),
      checkWritten: (pointers) => this.gc.checkWritten(pointers),
    });
    this.sweeper = new UploadSweeper({
      partitionId: descriptor.partitionId,
      index: state.index,
      commit,
      expiryMs: deps.uploadExpiryMs,
      workers: deps.workers,
      log: deps.log,
      clock: deps.clock,
    });
    this.gc = new PartitionGc({
      partitionId: descriptor.partitionId,
      generation: descriptor.generation,
      index: state.index,
      committer: state.committer,
      commit: (prepare) => this.commit(prepare),
      dataWriter: state.writers.data,
      dataStreamId: state.streams.dataStreamId,
      manager: deps.manager,
      reader: deps.reader,
      locator: state.locator,
      limiter: deps.gcLimiter,
      failpoints: deps.failpoints,
      clock: deps.clock,
      log: deps.log,
      // A server unsure of its lease may have lost the partition to another, whose index it
      // cannot see: it must not release extents any more.
      shouldStop: () => this.quiescing || this.closing || deps.gcPaused() || (deps.leaseValidForMs?.() ?? Infinity) < GC_LEASE_MARGIN_MS,
    });
  }

  /**
   * Loads a partition from its streams (fencing out any former owner first; see
   * partition-loader.ts). Its background jobs start with `start`, once it serves.
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

  /** Starts the partition's background jobs: checkpoints and the sweep of expired uploads. */
  start(): void {
    this.state.checkpointer.start();
    this.sweeper.start();
  }

  /** Writes a checkpoint now (also used before a split, merge or move). */
  checkpoint(): Promise<partitionV1.PartitionRoot> {
    return this.state.checkpointer.checkpointFresh();
  }

  /**
   * Quiesces the partition before a split or merge: stops taking new uploads (refused at their
   * header, before any byte is sent, so front-ends retry them), stops its compaction, lets the
   * uploads already accepted commit (for up to UPLOAD_DRAIN_MS), then quiesces the committer
   * (see Committer.quiesce): the state is final until `unquiesce`.
   */
  async quiesce(): Promise<void> {
    this.quiescing = true;
    // Before the children (or the merged partition) exist: their wait covers only leases granted before they were made.
    this.leases.stop();
    await this.gc.stopped();
    await this.uploadsFinished(UPLOAD_DRAIN_MS);
    await this.state.committer.quiesce();
  }

  /** Resolves once no upload is in flight, or after `timeoutMs` (those still running then fail at their commit). */
  private async uploadsFinished(timeoutMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: Timer | undefined;
    const finished = await new Promise<boolean>((resolve) => {
      this.uploadsIdle.push(() => resolve(true));
      timer = this.deps.clock.after(timeoutMs, () => resolve(false));
    });
    timer?.cancel();
    if (!finished)
      this.deps.log.warn({ uploads: this.inFlight.size, timeoutMs }, 'uploads still running when the partition quiesced; they fail at their commit');
  }

  unquiesce(): void {
    this.quiescing = false;
    this.leases.resume();
    this.state.committer.unquiesce();
  }

  private quiescing = false;
  private closing = false;
  private readonly inFlight = new Set<BlobUpload>();
  /** Called once no upload is in flight. */
  private uploadsIdle: (() => void)[] = [];

  /** The partition's four streams. */
  get streams(): Required<partitionV1.PartitionStreams__Output> {
    return this.state.streams;
  }

  /**
   * Seals the last extents of the data and checkpoint streams so every extent holding this
   * partition's blob bytes or checkpoint is sealed and can be shared; returns those extents.
   * Only for a quiesced partition about to be split or merged (its writers are done).
   */
  async sealForSharing(): Promise<{ data: string[]; checkpoint: string[] }> {
    const sealed = async (streamId: string, writer: LoadedPartition['writers']['data']): Promise<string[]> => {
      const stream = await this.deps.manager.sealExtent(streamId, writer.currentExtent.extentId, { epoch: writer.writerEpoch, takeOver: false });
      return stream.extents.filter((extent) => extent.sealed).map((extent) => extent.extentId);
    };
    const [data, checkpoint] = await Promise.all([
      sealed(this.streams.dataStreamId, this.state.writers.data),
      sealed(this.streams.checkpointStreamId, this.state.writers.checkpoint),
    ]);
    return { data, checkpoint };
  }

  /** The key at the middle of the partition's keys (by count), for a split; undefined if under two. */
  async middleKey(): Promise<string | undefined> {
    const range = { gte: this.bounds.low, ...(this.bounds.high ? { lt: this.bounds.high } : {}) };
    let count = 0;
    for await (const _ of this.index.entries(range)) count++;
    if (count < 2) return undefined;
    let seen = 0;
    for await (const [key] of this.index.entries(range)) if (++seen > count / 2) return key.toString('utf8');
    return undefined;
  }

  /** Index entries in the partition's range (counted at most every STATS_TTL_MS). */
  async entries(): Promise<number> {
    if (this.counted && this.deps.clock.monotonicMs() - this.counted.atMs < STATS_TTL_MS) return this.counted.entries;
    let entries = 0;
    for await (const _ of this.index.entries({ gte: this.bounds.low, ...(this.bounds.high ? { lt: this.bounds.high } : {}) })) entries++;
    this.counted = { entries, atMs: this.deps.clock.monotonicMs() };
    return entries;
  }

  private counted: { entries: number; atMs: number } | undefined;
  private operations = 0;
  private rate = { operations: 0, atMs: 0, perSecond: 0 };

  /** Counts one request served, for the partition's load. */
  recordOperation(): void {
    this.operations++;
  }

  /** Requests per second since the previous call (the manager polls every few seconds). */
  operationsPerSecond(): number {
    const now = this.deps.clock.monotonicMs();
    const elapsedMs = now - this.rate.atMs;
    if (elapsedMs >= 1_000) {
      this.rate = {
        operations: this.operations,
        atMs: now,
        perSecond: this.rate.atMs === 0 ? 0 : ((this.operations - this.rate.operations) / elapsedMs) * 1000,
      };
    }
    return this.rate.perSecond;
  }

  /** The last sequence number handed out: changes with every mutation. */
  get sequence(): number {
    return this.state.committer.lastSequence;
  }

  get id(): string {
    return this.descriptor.partitionId;
  }

  contains(key: Buffer): boolean {
    return compareKeys(key, this.bounds.low) >= 0 && (this.bounds.high === undefined || compareKeys(key, this.bounds.high) < 0);
  }

  /** Fails fast, before any byte is uploaded, when the blob could not be stored (checked again at commit). */
  async checkUpload(header: partitionV1.PutBlobHeader__Output): Promise<void> {
    if (this.quiescing) throw new PartitionError('PARTITION_LOADING', 'the partition is being split, merged or moved');
    checkBlobName(header.blob);
    if (!this.index.hasContainer(containerKey(header.account, header.container))) {
      throw new PartitionError('NO_SUCH_CONTAINER', `no container ${header.container}`);
    }
    await checkPreconditionsIn(this.index, header, header.blob, blobKey(header.account, header.container, header.blob));
  }

  /** An upload into the partition's blob data; `finishUpload` when it is committed or abandoned. */
  startUpload(): BlobUpload {
    const upload = new BlobUpload(this.state.writers.data);
    this.inFlight.add(upload);
    return upload;
  }

  finishUpload(upload: BlobUpload): void {
    this.inFlight.delete(upload);
    if (this.inFlight.size === 0) for (const idle of this.uploadsIdle.splice(0)) idle();
  }

  /** PutBlob: see BlobOperations.putBlob. */
  putBlob(header: partitionV1.PutBlobHeader__Output, upload: BlobUpload, commit: partitionV1.PutBlobCommit__Output): Promise<partitionV1.BlobInfo> {
    return this.blobs.putBlob(header, upload, commit);
  }

  getBlob(request: partitionV1.BlobRequest__Output): Promise<partitionV1.BlobInfo> {
    return this.blobs.getBlob(request);
  }

  deleteBlob(request: partitionV1.BlobRequest__Output): Promise<partitionV1.DeleteBlobResponse> {
    return this.blobs.deleteBlob(request);
  }

  setBlobTags(request: partitionV1.SetBlobTagsRequest__Output): Promise<partitionV1.BlobInfo> {
    return setBlobTags({ leases: this.leases, commit: this.commit.bind(this) }, request);
  }

  listBlobs(request: partitionV1.ListBlobsRequest__Output & { maxResults: number }): ReturnType<typeof listBlobs> {
    return listBlobs(this.index, this.bounds, request);
  }

  listBlobVersions(request: partitionV1.ListBlobVersionsRequest__Output & { maxResults: number }): ReturnType<typeof listBlobVersions> {
    return listBlobVersions(this.index, this.bounds, request);
  }

  listUploads(request: partitionV1.ListUploadsRequest__Output & { maxResults: number }): ReturnType<typeof listUploads> {
    return listUploads(this.index, this.bounds, request);
  }

  /** CopyBlob: see BlobOperations.copyBlob. */
  copyBlob(request: partitionV1.CopyBlobRequest__Output): Promise<partitionV1.BlobInfo> {
    return this.blobs.copyBlob(request);
  }

  /** Stops writing (waiting for appends in flight) and drops the local index. */
  async close(): Promise<void> {
    this.closing = true;
    this.leases.stop();
    // Stopped before the first await: the jobs' names are free for a reload of this partition.
    const jobs = [this.state.checkpointer.stop(), this.sweeper.stop()];
    await this.gc.stopped();
    await Promise.all(jobs);
    const log = this.deps.log;
    await Promise.all(
      Object.entries(this.state.writers).map(([stream, writer]) => writer.close().catch(warnDropped(log, 'stream writer not closed', { stream }))),
    );
    await this.index.destroy();
  }
}
