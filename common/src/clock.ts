import { setTimeout as sleepTimer } from 'node:timers/promises';

/**
 * Time, injected: the one place that reads the system clock, so tests can drive time and
 * cores with timing logic stay deterministic.
 */
export interface Clock {
  /** Wall-clock milliseconds since the epoch: for timestamps users see (Last-Modified). */
  nowMs(): number;
  /** Monotonic milliseconds: for durations and deadlines. */
  monotonicMs(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  monotonicMs: () => performance.now(),
  sleep: async (ms, signal) => {
    await sleepTimer(ms, undefined, signal ? { signal } : undefined);
  },
};
