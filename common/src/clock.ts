import { setTimeout as sleepTimer } from 'node:timers/promises';

/** A pending {@link Clock.after} or {@link Clock.every}. */
export interface Timer {
  /** Stops it: the callback does not run again (a run already started finishes). */
  cancel(): void;
}

/**
 * Time, injected: the one place that reads the system clock and arms timers, so tests and the
 * simulation can drive time and cores with timing logic stay deterministic.
 */
export interface Clock {
  /** Wall-clock milliseconds since the epoch: for timestamps users see (Last-Modified). */
  nowMs(): number;
  /** Monotonic milliseconds: for durations and deadlines. */
  monotonicMs(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once, `ms` from now, unless cancelled first. Never keeps a process alive. */
  after(ms: number, callback: () => void): Timer;
  /** Calls `callback` every `ms` until cancelled. Never keeps a process alive. */
  every(ms: number, callback: () => void): Timer;
}

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  monotonicMs: () => performance.now(),
  sleep: async (ms, signal) => {
    await sleepTimer(ms, undefined, signal ? { signal } : undefined);
  },
  // Unreferenced: a role process lives through its servers and connections, never through a
  // timer, so a stopped role exits even if a timer is left behind.
  after: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
  every: (ms, callback) => {
    const timer = setInterval(callback, ms);
    timer.unref();
    return { cancel: () => clearInterval(timer) };
  },
};

/**
 * Runs `callback` once this turn of the event loop has handled its ready I/O (Node's check
 * phase): not a timer, no time passes, so it is not the clock's. Writers use it to gather what
 * the turn's events produced into one write (one syscall, one segment) instead of one each.
 */
export function afterThisTurn(callback: () => void): void {
  setImmediate(callback);
}
