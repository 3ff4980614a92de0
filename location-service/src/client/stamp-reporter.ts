import { errorMessage, type Clock, type Logger, rethrowIfAssertion } from '@strata/common';
import type { LocationClient } from './location-client.js';

export interface StampUsage {
  capacityBytes: number;
  usedBytes: number;
}

/**
 * A stamp's side of registration: reports the stamp's front-ends, capacity and use to the
 * location service now and every `intervalMs`, so allocation works on current figures and a
 * stamp that stops reporting stops receiving accounts. A failed report is logged and retried
 * at the next tick.
 */
export class StampReporter {
  private readonly stopped = new AbortController();
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      client: LocationClient;
      stampId: string;
      frontEnds: readonly string[];
      measure: () => Promise<StampUsage>;
      intervalMs: number;
      clock: Clock;
      log: Logger;
    },
  ) {}

  /** Reports once (so the caller knows the stamp is registered), then keeps reporting. */
  async start(): Promise<void> {
    await this.report();
    this.loop = this.run();
  }

  /** One report. */
  async report(): Promise<void> {
    const usage = await this.deps.measure();
    await this.deps.client.registerStamp({ stampId: this.deps.stampId, frontEndEndpoints: [...this.deps.frontEnds], ...usage });
    this.deps.log.debug({ stampId: this.deps.stampId, ...usage }, 'stamp reported');
  }

  private async run(): Promise<void> {
    while (!this.stopped.signal.aborted) {
      try {
        await this.deps.clock.sleep(this.deps.intervalMs, this.stopped.signal);
        await this.report();
      } catch (error) {
        rethrowIfAssertion(error);
        if (this.stopped.signal.aborted) return;
        this.deps.log.warn({ stampId: this.deps.stampId, err: errorMessage(error) }, 'stamp report failed');
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
  }
}
