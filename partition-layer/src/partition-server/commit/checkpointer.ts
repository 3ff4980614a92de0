import { assert, ignoreError, type BackgroundWorker, type Clock, type Failpoints, type Logger, type Workers } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import type { StreamWriter } from '@strata/stream-layer';
import { CHECKPOINT_BLOCK_BYTES, CHECKPOINT_INTERVAL_MS, CHECKPOINT_RECORDS_MAX } from '../../limits.js';
import { checkpointBlockCodec, partitionRootCodec } from '../../records.js';
import type { Committer } from './committer.js';
import type { IndexStore } from './index-store.js';

/** The checkpointer's named failure point (armed with --failpoints): after the blocks, before the root that makes them the checkpoint. */
export type CheckpointFailpoint = 'partitionServer.checkpoint.beforeRoot';

/** Checkpoint blocks in flight at once. */
const CHECKPOINT_APPENDS_IN_FLIGHT = 4;

export interface CheckpointerDeps {
  partitionId: string;
  committer: Committer;
  index: IndexStore;
  checkpointWriter: StreamWriter;
  metaWriter: StreamWriter;
  range: { lowKey: string; highKey: string };
  /** The sequence of the root the partition loaded from (0 without one): roots only move forward from it. */
  loadedSequence: number;
  clock: Clock;
  log: Logger;
  workers: Workers;
  failpoints: Failpoints<CheckpointFailpoint>;
  /** Runs once a root is durable, before the next checkpoint may start (trimming). */
  onCheckpoint?: (placed: { root: partitionV1.PartitionRoot; extentId: string }) => Promise<void>;
}

/**
 * Bounds how much commit log a load must replay: now and then writes the whole index, as of
 * one sequence, to the partition's checkpoint stream, then appends a root record (that
 * sequence, the checkpoint's blocks, where the log resumes) to its meta stream. A load starts
 * from the last root. Its background job (`checkpoint/<partition id>`) writes one every
 * CHECKPOINT_INTERVAL_MS if any record was applied since the last, and at once when
 * CHECKPOINT_RECORDS_MAX were; a failed one is logged and counted by the job, and the next
 * round tries again.
 */
export class Checkpointer {
  private running: Promise<partitionV1.PartitionRoot> | undefined;
  private worker: BackgroundWorker | undefined;
  /** A round asked for by `maybeCheckpoint`, until it ends. */
  private requested: Promise<void> | undefined;
  private lastRootSequence: number;

  constructor(private readonly deps: CheckpointerDeps) {
    this.lastRootSequence = deps.loadedSequence;
  }

  /** Starts the background job (once the partition serves). */
  start(): void {
    this.worker ??= this.deps.workers.start({
      name: `checkpoint/${this.deps.partitionId}`,
      intervalMs: CHECKPOINT_INTERVAL_MS,
      run: async () => {
        if (this.deps.committer.recordsSinceCheckpoint > 0) await this.checkpoint();
      },
    });
  }

  /** Runs a round of the job now if enough records were applied since the last checkpoint. */
  maybeCheckpoint(): void {
    const worker = this.worker;
    if (!worker || this.requested || this.running || this.deps.committer.recordsSinceCheckpoint < CHECKPOINT_RECORDS_MAX) return;
    this.requested = worker
      .runNow()
      // The worker logs and counts a failed round; the commit that asked for it has nothing to do with it.
      .catch(ignoreError)
      .finally(() => (this.requested = undefined));
  }

  /** Writes a checkpoint (or waits for the one running) and resolves with its root. */
  checkpoint(): Promise<partitionV1.PartitionRoot> {
    this.running ??= this.write().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * A checkpoint of every record applied before this call. One already running may have taken
   * its snapshot earlier, so it is waited for and another written: a split or merge gives its
   * partitions empty logs, and a root that missed the last records would lose them.
   */
  async checkpointFresh(): Promise<partitionV1.PartitionRoot> {
    // Whoever started the running one learns how it ended; this call writes its own.
    if (this.running) await this.running.catch(ignoreError);
    return this.checkpoint();
  }

  private async write(): Promise<partitionV1.PartitionRoot> {
    const started = this.deps.clock.monotonicMs();
    const { sequence, logExtentId, taken } = await this.deps.committer.snapshot(() => this.deps.index.snapshotEntries());
    assert(
      sequence >= this.lastRootSequence,
      `checkpoint of partition ${this.deps.partitionId} at ${sequence} behind its last root at ${this.lastRootSequence}`,
    );
    const { pointers, entries, bytes } = await this.writeEntries(taken);
    const root: partitionV1.PartitionRoot = {
      sequence,
      checkpoint: pointers,
      logResumeExtentId: logExtentId,
      lowKey: this.deps.range.lowKey,
      highKey: this.deps.range.highKey,
      createdMs: this.deps.clock.nowMs(),
    };
    await this.deps.failpoints.hit('partitionServer.checkpoint.beforeRoot');
    const [placed] = await this.deps.metaWriter.append([partitionRootCodec.encode(root)]);
    this.lastRootSequence = sequence;
    this.deps.log.info({ sequence, entries, bytes, ms: Math.round(this.deps.clock.monotonicMs() - started) }, 'checkpoint written');
    await this.deps.onCheckpoint?.({ root, extentId: placed!.extentId as string });
    return root;
  }

  /** Appends the entries to the checkpoint stream in blocks of about CHECKPOINT_BLOCK_BYTES. */
  private async writeEntries(taken: AsyncIterable<[Buffer, Buffer]>): Promise<{ pointers: streamV1.BlockPointer[]; entries: number; bytes: number }> {
    const appends: Promise<streamV1.BlockPointer[]>[] = [];
    let batch: partitionV1.CheckpointEntry[] = [];
    let batchBytes = 0;
    let entries = 0;
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const block = checkpointBlockCodec.encode({ entries: batch });
      bytes += block.length;
      appends.push(this.deps.checkpointWriter.append([block]));
      batch = [];
      batchBytes = 0;
      if (appends.length % CHECKPOINT_APPENDS_IN_FLIGHT === 0) await Promise.all(appends.slice(-CHECKPOINT_APPENDS_IN_FLIGHT));
    };
    for await (const [key, value] of taken) {
      batch.push({ key, value });
      batchBytes += key.length + value.length + 8;
      entries++;
      if (batchBytes >= CHECKPOINT_BLOCK_BYTES) await flush();
    }
    await flush();
    return { pointers: (await Promise.all(appends)).flat(), entries, bytes };
  }

  /** Stops the background job (its name is free again at once) and waits for a checkpoint being written. */
  async stop(): Promise<void> {
    const stopping = this.worker ? this.deps.workers.stop(this.worker) : undefined;
    this.worker = undefined;
    await stopping;
    // Whoever started the running one (the job, a split, an RPC) learns how it ended.
    await this.running?.catch(ignoreError);
  }
}
