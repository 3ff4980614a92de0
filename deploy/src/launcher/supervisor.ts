import { rethrowIfAssertion, type Clock } from '@strata/common';
import { StartFailure } from './launch-error.js';
import { decideRestart, type RestartPolicy } from './restart-policy.js';

/**
 * What the launcher is doing about one process:
 * - `running`: it is up (it sent its ready message);
 * - `restarting`: it died and is being started again (waiting out its backoff, or starting);
 * - `stopped`: it was stopped on purpose (`Stamp.kill`, or a start with one-off arguments that
 *   ended) and stays down until someone restarts it;
 * - `down`: it kept dying (a crash loop) and the launcher gave up on it.
 */
export type ProcessState = 'running' | 'restarting' | 'stopped' | 'down';

export interface SupervisionStatus {
  state: ProcessState;
  /** Times the launcher started the process again by itself since the launch (failed starts too). */
  restarts: number;
  /** How its last run ended (`SIGKILL`, `code 1`) or why its last start failed; absent while it never ended. */
  lastExit?: string;
  /** When its current (or last) run became ready, ISO 8601 wall time. */
  startedAt: string;
}

/** One process back by itself. */
export interface RestartReport {
  id: string;
  /** How the run that began this ended. */
  cause: string;
  restarts: number;
  /** From the death to the ready message of the new run, over every failed start between. */
  readyAfterMs: number;
}

export interface SupervisorEvents {
  restarted(report: RestartReport): void;
  /** A start failed; the next is tried after the backoff, unless the crash-loop limit is reached. */
  restartFailed(report: { id: string; error: string; inRow: number }): void;
  /** `inRow` restarts in a row did not keep it up: it stays down. */
  down(report: { id: string; cause: string; inRow: number }): void;
  /** Any status changed (stamp.json is rewritten). */
  changed(): void;
}

export interface SupervisorDeps {
  clock: Clock;
  policy: RestartPolicy;
  /**
   * Starts `id` again with its identity, and resolves once it is ready (the new run must be
   * reported through `started` before). `afterFailure`: the previous start failed.
   */
  relaunch(id: string, options: { afterFailure: boolean }): Promise<void>;
  events: SupervisorEvents;
}

interface Supervised {
  status: SupervisionStatus;
  startedMs: number;
  /** Restarts of the current row (see RestartPolicy). */
  inRow: number;
  /** The caller owns the process: when it ends it stays down. */
  held: boolean;
  abort: AbortController;
  /** The restarts of this process, one after another: an exit during a restart waits for it. */
  work: Promise<void>;
}

/**
 * The launcher's control loop for its processes (Kubernetes' restart policy `Always`, with
 * its crash-loop backoff): a process that ends by itself is started again after a backoff
 * that doubles while it keeps dying, and left down after too many restarts in a row. The
 * launcher reports every start and exit; starting is the launcher's (`relaunch`).
 */
export class Supervisor {
  private readonly supervised = new Map<string, Supervised>();
  private stopping = false;

  constructor(private readonly deps: SupervisorDeps) {}

  /** A run of `id` became ready: its first start, a restart by the supervisor or by the caller. */
  started(id: string): void {
    const entry = this.entryOf(id);
    entry.startedMs = this.deps.clock.monotonicMs();
    entry.status.state = 'running';
    entry.status.startedAt = new Date(this.deps.clock.nowMs()).toISOString();
    this.deps.events.changed();
  }

  /** The current run of `id` ended, and not because the launcher stopped it: restart it, unless held. */
  exited(id: string, how: string): void {
    if (this.stopping) return;
    const entry = this.entryOf(id);
    entry.status.lastExit = how;
    if (entry.held) {
      entry.status.state = 'stopped';
    } else {
      entry.status.state = 'restarting';
      const death = {
        cause: how,
        ranForMs: this.deps.clock.monotonicMs() - entry.startedMs,
        exitedMs: this.deps.clock.monotonicMs(),
        signal: entry.abort.signal,
      };
      entry.work = entry.work.then(() => this.heal(id, entry, death));
    }
    this.deps.events.changed();
  }

  /**
   * The caller takes `id` over (to kill or restart it): a pending restart is cancelled, one
   * under way is waited for, and from now on an exit leaves the process down.
   */
  async takeOver(id: string): Promise<void> {
    const entry = this.entryOf(id);
    entry.held = true;
    entry.abort.abort();
    await entry.work;
    entry.abort = new AbortController();
    if (entry.status.state === 'restarting') entry.status.state = 'stopped';
  }

  /** The caller started `id` again: supervise it again (`held`: leave it down when it ends), with a new row. */
  release(id: string, options: { held: boolean }): void {
    const entry = this.entryOf(id);
    entry.held = options.held;
    entry.inRow = 0;
  }

  status(id: string): SupervisionStatus {
    return { ...this.entryOf(id).status };
  }

  /** No more restarts: cancels the pending ones and waits for those under way (the launcher then stops what they started). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const entry of this.supervised.values()) entry.abort.abort();
    await Promise.all([...this.supervised.values()].map((entry) => entry.work));
  }

  private async heal(id: string, entry: Supervised, death: { cause: string; ranForMs: number; exitedMs: number; signal: AbortSignal }): Promise<void> {
    let ranForMs = death.ranForMs;
    let afterFailure = false;
    while (!death.signal.aborted) {
      const decision = decideRestart(this.deps.policy, { inRow: entry.inRow, ranForMs });
      if (decision.kind === 'give-up') {
        entry.status.state = 'down';
        this.deps.events.down({ id, cause: entry.status.lastExit ?? death.cause, inRow: decision.inRow });
        this.deps.events.changed();
        return;
      }
      entry.inRow = decision.inRow;
      try {
        await this.deps.clock.sleep(decision.delayMs, death.signal);
      } catch (error) {
        rethrowIfAssertion(error);
        return; // cancelled: the caller took the process over, or the launcher stops
      }
      entry.status.restarts++;
      try {
        await this.deps.relaunch(id, { afterFailure });
        this.deps.events.restarted({ id, cause: death.cause, restarts: entry.status.restarts, readyAfterMs: this.deps.clock.monotonicMs() - death.exitedMs });
        return;
      } catch (error) {
        rethrowIfAssertion(error);
        entry.status.lastExit = error instanceof StartFailure ? error.reason : (error as Error).message;
        afterFailure = true;
        ranForMs = 0;
        this.deps.events.restartFailed({ id, error: (error as Error).message, inRow: entry.inRow });
        this.deps.events.changed();
      }
    }
  }

  private entryOf(id: string): Supervised {
    let entry = this.supervised.get(id);
    if (!entry) {
      entry = {
        status: { state: 'running', restarts: 0, startedAt: new Date(this.deps.clock.nowMs()).toISOString() },
        startedMs: this.deps.clock.monotonicMs(),
        inRow: 0,
        held: false,
        abort: new AbortController(),
        work: Promise.resolve(),
      };
      this.supervised.set(id, entry);
    }
    return entry;
  }
}
