import type { Clock, Logger } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import type { StreamWriter } from '@strata/stream-layer';
import { CHECKPOINT_BLOCK_BYTES, CHECKPOINT_INTERVAL_MS, CHECKPOINT_RECORDS_MAX } from '../../limits.js';
import { checkpointBlockCodec, partitionRootCodec } from '../../records.js';
import type { Committer } from './committer.js';
import type { IndexStore } from './index-store.js';

/** Checkpoint blocks in flight at once. */
const CHECKPOINT_APPENDS_IN_FLIGHT = 4;

/**
 * Bounds how much commit log a load must replay: now and then writes the whole index, as of
 * one sequence, to the partition's checkpoint stream, then appends a root record (that
 * sequence, the checkpoint's blocks, where the log resumes) to its meta stream. A load starts
 * from the last root. Runs when enough records have been applied since the last checkpoint,
 * and on a timer if any have.
 */
export class Checkpointer {
  private running: Promise<partitionV1.PartitionRoot> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      committer: Committer;
      index: IndexStore;
      checkpointWriter: StreamWriter;
      metaWriter: StreamWriter;
      range: { lowKey: string; highKey: string };
      clock: Clock;
      log: Logger;
      /** Runs once a root is durable, before the next checkpoint may start (trimming). */
      onCheckpoint?: (placed: { root: partitionV1.PartitionRoot; extentId: string }) => Promise<void>;
    },
  ) {
    this.timer = setInterval(() => {
      if (this.deps.committer.recordsSinceCheckpoint > 0) void this.checkpoint().catch(() => undefined);
    }, CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Starts a checkpoint if enough records were applied since the last one. */
  maybeCheckpoint(): void {
    if (!this.running && this.deps.committer.recordsSinceCheckpoint >= CHECKPOINT_RECORDS_MAX) void this.checkpoint().catch(() => undefined);
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
    if (this.running) await this.running.catch(() => undefined);
    return this.checkpoint();
  }

  private async write(): Promise<partitionV1.PartitionRoot> {
    const started = this.deps.clock.monotonicMs();
    const { sequence, logExtentId, taken } = await this.deps.committer.snapshot(() => this.deps.index.snapshotEntries());
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
    const pointers = (await Promise.all(appends)).flat();
    const root: partitionV1.PartitionRoot = {
      sequence,
      checkpoint: pointers,
      logResumeExtentId: logExtentId,
      lowKey: this.deps.range.lowKey,
      highKey: this.deps.range.highKey,
      createdMs: this.deps.clock.nowMs(),
    };
    const [placed] = await this.deps.metaWriter.append([partitionRootCodec.encode(root)]);
    this.deps.log.info({ sequence, entries, bytes, ms: Math.round(this.deps.clock.monotonicMs() - started) }, 'checkpoint written');
    await this.deps.onCheckpoint?.({ root, extentId: placed!.extentId as string });
    return root;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
