import type { BackgroundWorker, Clock, Logger, Workers } from '@strata/common';
import { afterUpload, parseKey } from '../../keys.js';
import { COMPLETED_UPLOAD_KEPT_MS, UPLOAD_SWEEP_INTERVAL_MAX_MS } from '../../limits.js';
import { uploadRecordCodec } from '../../records.js';
import type { UploadsDeps } from './partition-uploads.js';

/** Shortest pause between two sweeps, so a small expiry (tests) does not spin. */
const UPLOAD_SWEEP_INTERVAL_MIN_MS = 500;

/**
 * Removes a partition's incomplete uploads older than `expiryMs` (with their parts), and the
 * tombstones of completed ones once a retried completion no longer needs them. Its background
 * job (`upload-sweep/<partition id>`) walks the upload directory every quarter of the expiry
 * (bounded), and commits each removal like any other mutation, checking the upload is still
 * the one it read.
 */
export class UploadSweeper {
  private worker: BackgroundWorker | undefined;

  constructor(
    private readonly deps: Pick<UploadsDeps, 'index' | 'commit'> & { partitionId: string; expiryMs: number; clock: Clock; log: Logger; workers: Workers },
  ) {}

  /** Starts the background job (once the partition serves). */
  start(): void {
    this.worker ??= this.deps.workers.start({
      name: `upload-sweep/${this.deps.partitionId}`,
      intervalMs: Math.min(UPLOAD_SWEEP_INTERVAL_MAX_MS, Math.max(UPLOAD_SWEEP_INTERVAL_MIN_MS, Math.floor(this.deps.expiryMs / 4))),
      run: (signal) => this.sweep(signal),
    });
  }

  /** One pass over the upload directory; stops at the next upload once `signal` aborts. */
  async sweep(signal?: AbortSignal): Promise<void> {
    const nowMs = this.deps.clock.nowMs();
    const tombstoneKeptMs = Math.min(this.deps.expiryMs, COMPLETED_UPLOAD_KEPT_MS);
    for (const key of this.deps.index.uploads.all()) {
      if (signal?.aborted) return;
      const value = await this.deps.index.get(key);
      if (!value) continue;
      const record = uploadRecordCodec.decode(value);
      const expired = record.completedMs > 0 ? nowMs - record.completedMs > tombstoneKeptMs : nowMs - record.initiatedMs > this.deps.expiryMs;
      if (!expired) continue;
      const parsed = parseKey(key);
      if (parsed.kind !== 'upload') continue;
      await this.deps.commit(async (view) => {
        // Only the record read: a completion since then made a tombstone to keep.
        const current = await view.get(key);
        if (!current || !current.equals(value)) return { mutations: [], result: undefined };
        return { mutations: [{ key, delete: true, deleteRangeEnd: afterUpload(parsed) }], result: undefined };
      });
      if (record.completedMs === 0)
        this.deps.log.info({ blob: parsed.blob, uploadId: parsed.uploadId, initiatedMs: record.initiatedMs }, 'incomplete upload expired');
    }
  }

  /** Stops the background job (its name is free again at once) and waits for a sweep running. */
  async stop(): Promise<void> {
    const stopping = this.worker ? this.deps.workers.stop(this.worker) : undefined;
    this.worker = undefined;
    await stopping;
  }
}
