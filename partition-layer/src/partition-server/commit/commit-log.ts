import { assert, rethrowIfAssertion } from '@strata/common';
import type { StreamWriter } from '@strata/stream-layer';
import type { partitionV1 } from '@strata/protos';
import { LOG_APPENDS_IN_FLIGHT_MAX, LOG_BLOCK_BYTES_MAX } from '../../limits.js';
import { logBlockCodec } from '../../records.js';

interface Queued {
  record: partitionV1.LogRecord;
  bytes: number;
  resolve: (extentId: string) => void;
  reject: (error: Error) => void;
}

/**
 * A partition's commit log on its log stream. Records are appended in the order `append` is
 * called; records that arrive while LOG_APPENDS_IN_FLIGHT_MAX appends are in flight are
 * batched into the next block (group commit), so a busy partition pays one chain append for
 * many records.
 *
 * Once an append fails, the log takes nothing more: every record queued behind it and every
 * later one fails too. Otherwise a record sent after a lost one could land without it, and a
 * replay would apply record N+1 (whose precondition was checked with N in view) without N.
 * The partition reloads from its streams instead (Committer).
 */
export class CommitLog {
  private queue: Queued[] = [];
  private inFlight = 0;
  private failure: Error | undefined;
  /** The sequence of the last record taken: each one is that plus one. */
  private lastSequence: number | undefined;

  constructor(private readonly writer: StreamWriter) {}

  /** Resolves, with the log extent it landed in, once the record is durable on every replica. */
  append(record: partitionV1.LogRecord): Promise<string> {
    const sequence = Number(record.sequence);
    assert(this.lastSequence === undefined || sequence === this.lastSequence + 1, `commit log record ${sequence} follows ${this.lastSequence}`);
    this.lastSequence = sequence;
    if (this.failure) return Promise.reject(this.failure);
    const bytes = 32 + (record.mutations ?? []).reduce((sum, m) => sum + (m.key?.length ?? 0) + (m.value?.length ?? 0) + 8, 0);
    return new Promise((resolve, reject) => {
      this.queue.push({ record, bytes, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (!this.failure && this.inFlight < LOG_APPENDS_IN_FLIGHT_MAX && this.queue.length > 0) {
      const batch: Queued[] = [];
      let bytes = 0;
      while (this.queue.length > 0 && (batch.length === 0 || bytes + this.queue[0]!.bytes <= LOG_BLOCK_BYTES_MAX)) {
        const next = this.queue.shift()!;
        bytes += next.bytes;
        batch.push(next);
      }
      this.inFlight++;
      const block = logBlockCodec.encode({ records: batch.map((queued) => queued.record) });
      this.writer
        .append([block])
        .then(
          ([pointer]) => batch.forEach((queued) => queued.resolve(pointer!.extentId as string)),
          (error: Error) => {
            rethrowIfAssertion(error);
            this.fail(error, batch);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.flush();
        });
    }
  }

  /** Fails the batch, everything queued behind it, and every later append. */
  private fail(error: Error, batch: Queued[]): void {
    this.failure ??= error;
    const queued = this.queue.splice(0);
    for (const entry of [...batch, ...queued]) entry.reject(error);
  }
}
