import type { Logger } from 'pino';
import { rethrowIfAssertion } from './assert.js';
import type { Clock } from './clock.js';
import { errorMessage } from './errors.js';

/** What one background job of a process is doing, for `strata workers` and the console. */
export interface WorkerStatus {
  name: string;
  /** `running` during a round; `idle` between rounds; `stopped` once stopped. */
  state: 'idle' | 'running' | 'stopped';
  intervalMs: number;
  /** Rounds run (skipped rounds are not counted) and how many of them failed. */
  runs: number;
  failures: number;
  /** Wall-clock times (ms since the epoch). */
  lastStartedMs?: number;
  lastSucceededMs?: number;
  /** How long the last finished round took. */
  lastDurationMs?: number;
  lastError?: { message: string; atMs: number };
  nextRunMs?: number;
  /** Why rounds are being skipped now (the job's `inactiveReason` said so), if they are. */
  skipped?: string;
  /** Rounds skipped so far, for that reason or another. */
  skips: number;
}

export interface WorkerSpec {
  /** Unique in the process: `repair`, `checkpoint/p-3`. */
  name: string;
  intervalMs: number;
  /** One round of the job. `signal` aborts when the worker stops: long rounds should stop at it. */
  run(signal: AbortSignal): Promise<void>;
  /**
   * Whether rounds should run now; a reason string skips the round (a standby manager does
   * not repair: 'not leader'). Undefined means active.
   */
  inactiveReason?: () => string | undefined;
  /** Runs the first round at once rather than one interval after start. */
  runAtStart?: boolean;
}

/**
 * One background job of a process on one loop pattern: wait an interval on the clock, run a
 * round, record how it went. A failed round is logged at warn with the job's name and the
 * next round runs at the next interval; an assertion failure is never caught: it escapes the
 * loop and ends the process. Rounds never overlap: `runNow` waits for the running one first.
 */
export class BackgroundWorker {
  private readonly abort = new AbortController();
  private readonly current: WorkerStatus;
  private loop: Promise<void> | undefined;
  private round: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly spec: WorkerSpec,
    private readonly deps: { clock: Clock; log: Logger },
  ) {
    this.current = { name: spec.name, state: 'idle', intervalMs: spec.intervalMs, runs: 0, failures: 0, skips: 0 };
  }

  get name(): string {
    return this.spec.name;
  }

  start(): void {
    this.loop ??= this.runLoop();
  }

  /** Runs a round now (after the one running, if any), whatever `inactiveReason` says; rejects if it fails. */
  async runNow(): Promise<void> {
    // Waits out the running round: its own failure was logged and counted where it ran.
    while (this.round) await this.round.catch(rethrowIfAssertion);
    await this.runRound({ rethrow: true });
  }

  status(): WorkerStatus {
    return { ...this.current, ...(this.current.lastError ? { lastError: { ...this.current.lastError } } : {}) };
  }

  /** Stops the loop: no round starts any more, and the running one is aborted and waited for. */
  async stop(): Promise<void> {
    this.current.state = 'stopped';
    delete this.current.nextRunMs;
    this.abort.abort(new Error(`worker ${this.spec.name} stopped`));
    this.wake?.();
    await this.loop;
    // A round still running (a runNow) is waited for; its failure was logged where it ran.
    while (this.round) await this.round.catch(rethrowIfAssertion);
  }

  private async runLoop(): Promise<void> {
    let first = true;
    while (!this.abort.signal.aborted) {
      if (!(first && this.spec.runAtStart)) await this.pause();
      first = false;
      if (this.abort.signal.aborted) return;
      const reason = this.spec.inactiveReason?.();
      if (reason !== undefined) {
        this.current.skipped = reason;
        this.current.skips++;
        continue;
      }
      delete this.current.skipped;
      // A runNow's round is waited for, not run twice; its failure was logged where it ran.
      while (this.round) await this.round.catch(rethrowIfAssertion);
      await this.runRound({ rethrow: false });
    }
  }

  /** Waits one interval, or until stopped. */
  private async pause(): Promise<void> {
    this.current.nextRunMs = this.deps.clock.nowMs() + this.spec.intervalMs;
    await new Promise<void>((resolve) => {
      const timer = this.deps.clock.after(this.spec.intervalMs, resolve);
      this.wake = () => {
        timer.cancel();
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async runRound(options: { rethrow: boolean }): Promise<void> {
    if (this.abort.signal.aborted) return;
    const startedMono = this.deps.clock.monotonicMs();
    this.current.state = 'running';
    this.current.lastStartedMs = this.deps.clock.nowMs();
    this.current.runs++;
    const round = Promise.resolve().then(() => this.spec.run(this.abort.signal));
    this.round = round;
    try {
      await round;
      this.current.lastSucceededMs = this.deps.clock.nowMs();
    } catch (error) {
      rethrowIfAssertion(error);
      if (!this.abort.signal.aborted) {
        this.current.failures++;
        this.current.lastError = { message: errorMessage(error), atMs: this.deps.clock.nowMs() };
        this.deps.log.warn({ worker: this.spec.name, err: error }, 'background round failed');
        if (options.rethrow) throw error;
      }
    } finally {
      if (this.round === round) this.round = undefined;
      this.current.lastDurationMs = Math.round(this.deps.clock.monotonicMs() - startedMono);
      if (this.current.state === 'running') this.current.state = 'idle';
    }
  }
}

/**
 * The background jobs of one process, so they can be listed (`strata workers`) and stopped
 * together. Jobs that come and go (one checkpointer per loaded partition) add and remove
 * themselves.
 */
export class Workers {
  private readonly workers = new Map<string, BackgroundWorker>();

  constructor(private readonly deps: { clock: Clock; log: Logger }) {}

  /** Creates, registers and starts a worker. A name in use is an error of the caller. */
  start(spec: WorkerSpec): BackgroundWorker {
    if (this.workers.has(spec.name)) throw new Error(`a worker named ${spec.name} is running already`);
    const worker = new BackgroundWorker(spec, this.deps);
    this.workers.set(spec.name, worker);
    worker.start();
    return worker;
  }

  /** Stops a worker and forgets it. */
  async stop(worker: BackgroundWorker): Promise<void> {
    if (this.workers.get(worker.name) === worker) this.workers.delete(worker.name);
    await worker.stop();
  }

  list(): WorkerStatus[] {
    return [...this.workers.values()].map((worker) => worker.status()).sort((a, b) => a.name.localeCompare(b.name));
  }

  async stopAll(): Promise<void> {
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map((worker) => worker.stop()));
  }
}
