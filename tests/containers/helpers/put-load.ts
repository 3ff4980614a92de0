import { randomBytes } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { systemClock } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import { putObject, sha256 } from './objects.js';

export interface AckedPut {
  key: string;
  sha256: string;
  sizeBytes: number;
  startedMs: number;
  ackedMs: number;
}

/** Bounds of a load run: it stops by itself at whichever comes first. */
export const LOAD_PUTS_MAX = 20_000;
export const LOAD_DURATION_MAX_MS = 240_000;

/**
 * PUT load from `writers` concurrent loops of random objects (1 KiB to `sizeBytesMax`), each
 * PUT a new key. Keeps what every acknowledged (200) PUT stored, and counts the failures;
 * stops at `stop()`, after {@link LOAD_PUTS_MAX} PUTs, or after {@link LOAD_DURATION_MAX_MS}.
 */
export class PutLoad {
  readonly acked: AckedPut[] = [];
  readonly failures: string[] = [];
  private stopped = false;
  private readonly done: Promise<void>;
  private issued = 0;

  constructor(private readonly options: { s3: S3Client; bucket: string; writers: number; sizeBytesMax: number }) {
    const until = systemClock.monotonicMs() + LOAD_DURATION_MAX_MS;
    this.done = Promise.all(Array.from({ length: options.writers }, (_, writer) => this.loop(writer, until))).then(() => undefined);
  }

  private async loop(writer: number, until: number): Promise<void> {
    for (let n = 0; !this.stopped && this.issued < LOAD_PUTS_MAX && systemClock.monotonicMs() < until; n++) {
      this.issued++;
      const key = `load/w${writer}/${n}`;
      const body = randomBytes(1024 + Math.floor(Math.random() * (this.options.sizeBytesMax - 1024)));
      const startedMs = systemClock.monotonicMs();
      try {
        await putObject(this.options.s3, this.options.bucket, key, body);
        this.acked.push({ key, sha256: sha256(body), sizeBytes: body.length, startedMs, ackedMs: systemClock.monotonicMs() });
      } catch (error) {
        this.failures.push(`${key}: ${(error as Error).name} ${(error as Error).message}`.slice(0, 200));
        // A failing stamp answers at once; pace the retries rather than spin.
        await systemClock.sleep(50);
      }
    }
  }

  /** Acknowledged PUTs that started after `sinceMs` (a monotonic time). */
  ackedStartedAfter(sinceMs: number): AckedPut[] {
    return this.acked.filter((put) => put.startedMs > sinceMs);
  }

  /** Waits until `count` PUTs that started after `sinceMs` are acknowledged. */
  async waitForAcks(count: number, sinceMs: number, timeoutMs: number): Promise<void> {
    await waitFor(
      `${count} PUTs started after the event to be acknowledged (${this.ackedStartedAfter(sinceMs).length} so far, ${this.failures.length} failures in all)`,
      () => this.ackedStartedAfter(sinceMs).length >= count,
      { timeoutMs: timeoutMs },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }
}
