import { isStrataError, rethrowIfAssertion, type Clock, type Logger } from '@strata/common';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import type { ExtentStore } from './extent-store.js';

/**
 * Re-reads every sealed replica, checking each block's CRC, at a bounded rate so scrubbing
 * never crowds out foreground reads: one `pass` is a round of the node's `scrub` worker. A
 * replica that fails is marked corrupt: it is no longer served, and the stream manager (which
 * sees the mark in its next poll) drops it and copies a healthy replica in its place.
 */
export class Scrubber {
  constructor(private readonly deps: { store: ExtentStore; clock: Clock; log: Logger; rateBytesPerSecond: number }) {}

  /** One pass over every sealed, clean replica; stops early when `signal` aborts. */
  async pass(signal: AbortSignal): Promise<void> {
    const started = this.deps.clock.monotonicMs();
    let bytes = 0;
    let replicas = 0;
    for (const meta of this.deps.store.list()) {
      if (signal.aborted) return;
      if (meta.state !== 'sealed' || meta.corrupt) continue;
      bytes += await this.scrub(meta.extentId, signal);
      replicas++;
    }
    const ms = Math.max(1, this.deps.clock.monotonicMs() - started);
    this.deps.log.info({ replicas, bytes, ms, mibPerSecond: Math.round((bytes / 1048576 / (ms / 1000)) * 10) / 10 }, 'scrub pass done');
  }

  private async scrub(extentId: string, signal: AbortSignal): Promise<number> {
    let bytes = 0;
    const started = this.deps.clock.monotonicMs();
    try {
      const file = this.deps.store.get(extentId).file;
      for await (const block of file.read(0, file.durableBytes)) {
        bytes += BLOCK_HEADER_BYTES + block.data.length;
        const aheadMs = (bytes / this.deps.rateBytesPerSecond) * 1000 - (this.deps.clock.monotonicMs() - started);
        if (aheadMs > 5) await this.deps.clock.sleep(aheadMs, signal);
      }
    } catch (error) {
      rethrowIfAssertion(error);
      if (isStrataError(error, ['CHECKSUM_MISMATCH', 'BAD_BLOCK_RANGE'])) {
        if (await this.deps.store.markCorrupt(extentId)) this.deps.log.error({ extentId, err: error }, 'scrub found a corrupt replica');
      } else if (!isStrataError(error, ['EXTENT_NOT_FOUND']) && !signal.aborted) {
        // A replica deleted or re-copied under the scrub: the next pass reads what is there then.
        this.deps.log.warn({ extentId, err: error }, 'scrub of a replica failed');
      }
    }
    return bytes;
  }
}
