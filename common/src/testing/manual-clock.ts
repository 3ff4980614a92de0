import { setImmediate as settle } from 'node:timers/promises';
import { assert } from '../assert.js';
import type { Clock, Timer } from '../clock.js';

interface Pending {
  atMs: number;
  /** Arming order: timers due at the same time fire in the order they were armed. */
  seq: number;
  periodMs?: number;
  fire: () => void;
  /** Shared by every firing of one periodic timer, so one cancel stops them all. */
  handle: { cancelled: boolean };
}

/**
 * A clock whose time moves only when the test (or the simulation's scheduler) moves it: the
 * one fake clock of the suite. Timers and sleeps fire in due-time order, ties in arming order,
 * so a run is the same every time.
 */
export class ManualClock implements Clock {
  private now: number;
  private seq = 0;
  private readonly pending: Pending[] = [];
  /** The length of every sleep asked for, in order: what a test of pacing or backoff checks. */
  readonly slept: number[] = [];

  /**
   * `epochMs` is what `nowMs()` reads at monotonic time 0. With `sleepsAdvance`, a sleep moves
   * time forward by its own length at once (for cores whose only waits are their own pacing).
   */
  constructor(private readonly options: { startMs?: number; epochMs?: number; sleepsAdvance?: boolean } = {}) {
    this.now = options.startMs ?? 0;
  }

  nowMs(): number {
    return (this.options.epochMs ?? 1_800_000_000_000) + this.now;
  }

  monotonicMs(): number {
    return this.now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.slept.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.options.sleepsAdvance) {
      this.now += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = this.arm(ms, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      const onAbort = (): void => {
        timer.cancel();
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  after(ms: number, callback: () => void): Timer {
    return this.arm(ms, callback);
  }

  every(ms: number, callback: () => void): Timer {
    assert(ms > 0, 'a periodic timer needs a positive period');
    return this.arm(ms, callback, ms);
  }

  /** When the next timer is due, or undefined when none is armed. */
  nextDueMs(): number | undefined {
    this.dropCancelled();
    return this.pending[0]?.atMs;
  }

  /** Timers armed and not cancelled. */
  get armed(): number {
    return this.pending.filter((entry) => !entry.handle.cancelled).length;
  }

  /**
   * Fires the earliest timer due at or before `untilMs` (moving time to it) and returns true,
   * or returns false when there is none. Synchronous: the caller lets promise callbacks run.
   */
  fireNext(untilMs = Infinity): boolean {
    this.dropCancelled();
    const next = this.pending[0];
    if (!next || next.atMs > untilMs) return false;
    this.pending.shift();
    this.now = Math.max(this.now, next.atMs);
    if (next.periodMs !== undefined) this.insert({ ...next, atMs: next.atMs + next.periodMs, seq: this.seq++ });
    next.fire();
    return true;
  }

  /**
   * Moves time forward by `ms`, firing every timer due on the way in order and letting promise
   * callbacks (and the timers they arm) run after each one.
   */
  advance(ms: number): Promise<void> {
    assert(ms >= 0, 'time moves forward only');
    // One advance at a time: a second one starts where the first ended.
    const run = async (): Promise<void> => {
      const until = this.now + ms;
      await settle();
      while (this.fireNext(until)) await settle();
      this.now = Math.max(this.now, until);
      await settle();
    };
    this.advancing = this.advancing.then(run, run);
    return this.advancing;
  }

  private advancing: Promise<void> = Promise.resolve();

  private arm(ms: number, fire: () => void, periodMs?: number): Timer {
    const handle = { cancelled: false };
    this.insert({ atMs: this.now + Math.max(0, ms), seq: this.seq++, fire, handle, ...(periodMs !== undefined ? { periodMs } : {}) });
    return { cancel: () => (handle.cancelled = true) };
  }

  private insert(entry: Pending): void {
    let i = this.pending.length;
    while (i > 0 && (this.pending[i - 1]!.atMs > entry.atMs || (this.pending[i - 1]!.atMs === entry.atMs && this.pending[i - 1]!.seq > entry.seq))) i--;
    this.pending.splice(i, 0, entry);
  }

  private dropCancelled(): void {
    while (this.pending[0]?.handle.cancelled) this.pending.shift();
  }
}
