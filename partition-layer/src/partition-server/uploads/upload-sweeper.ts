import type { Clock, Logger } from '@strata/common';
import { afterUpload, parseKey } from '../../keys.js';
import { COMPLETED_UPLOAD_KEPT_MS, UPLOAD_SWEEP_INTERVAL_MAX_MS } from '../../limits.js';
import { uploadRecordCodec } from '../../records.js';
import type { UploadsDeps } from './partition-uploads.js';

/** Shortest pause between two sweeps, so a small expiry (tests) does not spin. */
const UPLOAD_SWEEP_INTERVAL_MIN_MS = 500;

/**
 * Removes a partition's incomplete uploads older than `expiryMs` (with their parts), and the
 * tombstones of completed ones once a retried completion no longer needs them. It walks the
 * upload directory every quarter of the expiry (bounded), and commits each removal like any
 * other mutation, checking the upload is still the one it read.
 */
export class UploadSweeper {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: Pick<UploadsDeps, 'index' | 'commit'> & { expiryMs: number; clock: Clock; log: Logger }) {
    const intervalMs = Math.min(UPLOAD_SWEEP_INTERVAL_MAX_MS, Math.max(UPLOAD_SWEEP_INTERVAL_MIN_MS, Math.floor(deps.expiryMs / 4)));
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'upload sweep failed'))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** One pass over the upload directory. */
  async sweep(): Promise<void> {
    const nowMs = this.deps.clock.nowMs();
    const tombstoneKeptMs = Math.min(this.deps.expiryMs, COMPLETED_UPLOAD_KEPT_MS);
    for (const key of this.deps.index.uploads.all()) {
      if (this.stopped) return;
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

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
