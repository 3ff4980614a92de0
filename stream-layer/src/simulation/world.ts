import { setImmediate as settle } from 'node:timers/promises';
import { AssertionFailure, type Clock, type Timer } from '@strata/common';
import { ManualClock } from '@strata/common/testing';
import type { Prng } from './prng.js';

/**
 * One simulated process (an extent node, a stream manager, a writer's partition server). Work
 * scheduled for it runs only while it lives in the same incarnation: a crash drops every
 * timer, disk completion and message due to it, so the code it was running never resumes,
 * as in a process killed with SIGKILL. A pause (SIGSTOP) holds its work until it resumes.
 */
export class SimProcess {
  /** Bumped by every crash: work scheduled in an earlier incarnation is dropped. */
  incarnation = 0;
  up = true;
  pausedUntilMs = 0;

  constructor(readonly id: string) {}
}

/** What the run keeps for a failing seed's replay: one line per fault, check and notable event. */
export interface TraceLine {
  atMs: number;
  text: string;
}

/**
 * The simulation's one scheduler: a single timeline of events on a ManualClock, fired in
 * time order (ties in scheduling order), each followed by every promise callback it set off
 * before the next one fires. Nothing else moves: no real timer, no real I/O. So a seed
 * (which decides every latency, fault and payload) replays exactly.
 */
export class SimWorld {
  readonly clock = new ManualClock({ epochMs: 1_700_000_000_000 });
  readonly trace: TraceLine[] = [];
  /** The first broken invariant or assertion failure: it ends the run. */
  failure: Error | undefined;
  events = 0;

  constructor(readonly random: Prng) {}

  get nowMs(): number {
    return this.clock.monotonicMs();
  }

  note(text: string): void {
    this.trace.push({ atMs: Math.round(this.nowMs * 1000) / 1000, text });
  }

  /** Records the first failure (an assertion in code under test, or a broken invariant). */
  fail(error: Error): void {
    if (!this.failure) {
      this.failure = error;
      this.note(`FAILED: ${error.message}`);
    }
  }

  /**
   * Runs `work` `delayMs` from now on behalf of `process` (or of the world, when none): not at
   * all if the process crashed meanwhile, later if it is paused then. `incarnation` is the one
   * the work belongs to (by default the current one): an answer to a request made before a
   * crash belongs to the incarnation that made it, and dies with it.
   */
  schedule(process: SimProcess | undefined, delayMs: number, work: () => void, incarnation = process?.incarnation): Timer {
    return this.clock.after(Math.max(0, delayMs), () => this.deliver(process, incarnation, work));
  }

  private deliver(process: SimProcess | undefined, incarnation: number | undefined, work: () => void): void {
    if (process && (process.incarnation !== incarnation || !process.up)) return;
    if (process && process.pausedUntilMs > this.nowMs) {
      this.clock.after(process.pausedUntilMs - this.nowMs, () => this.deliver(process, incarnation, work));
      return;
    }
    try {
      work();
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The clock as code running in `process` sees it: its timers die with the process. */
  clockFor(process: SimProcess): Clock {
    const schedule = (delayMs: number, work: () => void): Timer => this.schedule(process, delayMs, work);
    const clock = this.clock;
    const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const timer = schedule(ms, () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        const onAbort = (): void => {
          timer.cancel();
          reject(signal?.reason as Error);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    return {
      nowMs: () => clock.nowMs(),
      monotonicMs: () => clock.monotonicMs(),
      sleep,
      after: (ms, callback) => schedule(ms, callback),
      every: (ms, callback) => {
        let current: Timer | undefined;
        let cancelled = false;
        const arm = (): void => {
          current = schedule(ms, () => {
            if (cancelled) return;
            arm();
            callback();
          });
        };
        arm();
        return {
          cancel: () => {
            cancelled = true;
            current?.cancel();
          },
        };
      },
    };
  }

  crash(process: SimProcess): void {
    process.incarnation++;
    process.up = false;
    process.pausedUntilMs = 0;
  }

  restart(process: SimProcess): void {
    process.up = true;
  }

  pause(process: SimProcess, forMs: number): void {
    process.pausedUntilMs = Math.max(process.pausedUntilMs, this.nowMs + forMs);
  }

  /**
   * Fires events until `untilMs` (or until a failure), letting promise callbacks run after
   * each; `afterEach` runs the per-step invariant checks.
   */
  async run(untilMs: number, afterEach?: () => void): Promise<void> {
    await settle();
    while (!this.failure && this.clock.fireNext(untilMs)) {
      this.events++;
      await settle();
      if (!this.failure && afterEach) {
        try {
          afterEach();
        } catch (error) {
          this.fail(error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
    if (!this.failure) await this.clock.advance(Math.max(0, untilMs - this.nowMs));
  }
}

/** An invariant of the model the run checks, broken. */
export class InvariantViolation extends AssertionFailure {}
