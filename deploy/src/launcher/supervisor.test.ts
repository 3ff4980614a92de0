import { describe, expect, it } from 'vitest';
import { ManualClock } from '@strata/common/testing';
import type { RestartPolicy } from './restart-policy.js';
import { Supervisor, type SupervisorEvents } from './supervisor.js';

const policy: RestartPolicy = { restartsMax: 3, backoffBaseMs: 100, backoffMaxMs: 1_000, stableAfterMs: 10_000 };

interface Heard {
  restarted: { id: string; cause: string; restarts: number; readyAfterMs: number }[];
  failed: { id: string; error: string; inRow: number }[];
  down: { id: string; cause: string; inRow: number }[];
}

/** A supervisor whose starts fail `failures` times, then succeed, each taking `startMs`. */
function supervised(clock: ManualClock, options: { failures: number; startMs: number }): { supervisor: Supervisor; heard: Heard; starts: () => number } {
  const heard: Heard = { restarted: [], failed: [], down: [] };
  let starts = 0;
  let failuresLeft = options.failures;
  const events: SupervisorEvents = {
    restarted: (report) => heard.restarted.push(report),
    restartFailed: (report) => heard.failed.push(report),
    down: (report) => heard.down.push(report),
    changed: () => undefined,
  };
  const supervisor: Supervisor = new Supervisor({
    clock,
    policy,
    events,
    relaunch: async (id) => {
      starts++;
      await clock.advance(options.startMs);
      if (failuresLeft-- > 0) throw new Error(`${id} exited (code 2) before it was ready`);
      supervisor.started(id);
    },
  });
  return { supervisor, heard, starts: () => starts };
}

/** Lets the supervisor's promise chains (and the clock's advances within them) run to the end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('Supervisor', () => {
  it('restarts a process that died after the base backoff, and measures the time until it is ready', async () => {
    const clock = new ManualClock({ sleepsAdvance: true });
    const { supervisor, heard } = supervised(clock, { failures: 0, startMs: 700 });
    supervisor.started('ps-1');
    await clock.advance(5_000);
    supervisor.exited('ps-1', 'SIGKILL');
    expect(supervisor.status('ps-1').state).toBe('restarting');
    await settle();
    await supervisor.stop();
    expect(clock.slept).toEqual([100]);
    expect(heard.restarted).toEqual([{ id: 'ps-1', cause: 'SIGKILL', restarts: 1, readyAfterMs: 800 }]);
    expect(supervisor.status('ps-1')).toMatchObject({ state: 'running', restarts: 1, lastExit: 'SIGKILL' });
  });

  it('backs off doubling while starts fail, then leaves the process down at the crash-loop limit', async () => {
    const clock = new ManualClock({ sleepsAdvance: true });
    const { supervisor, heard, starts } = supervised(clock, { failures: 99, startMs: 50 });
    supervisor.started('pm-1');
    supervisor.exited('pm-1', 'SIGKILL');
    await settle();
    await supervisor.stop();
    expect(clock.slept).toEqual([100, 200, 400]);
    expect(starts()).toBe(3);
    expect(heard.failed.map((failure) => failure.inRow)).toEqual([1, 2, 3]);
    expect(heard.down).toEqual([{ id: 'pm-1', cause: 'pm-1 exited (code 2) before it was ready', inRow: 3 }]);
    expect(supervisor.status('pm-1')).toMatchObject({ state: 'down', restarts: 3 });
  });

  it('counts a run that died soon after a restart in the same row, and forgives one that ran stableAfterMs', async () => {
    const clock = new ManualClock({ sleepsAdvance: true });
    const { supervisor } = supervised(clock, { failures: 0, startMs: 10 });
    supervisor.started('en-1');
    for (let i = 0; i < 2; i++) {
      supervisor.exited('en-1', 'code 70');
      await settle();
    }
    await clock.advance(policy.stableAfterMs);
    supervisor.exited('en-1', 'code 70');
    await settle();
    await supervisor.stop();
    expect(clock.slept).toEqual([100, 200, 100]);
    expect(supervisor.status('en-1')).toMatchObject({ state: 'running', restarts: 3 });
  });

  it('leaves a process the caller took over down when it exits', async () => {
    const clock = new ManualClock({ sleepsAdvance: true });
    const { supervisor, starts } = supervised(clock, { failures: 0, startMs: 10 });
    supervisor.started('fe-1');
    await supervisor.takeOver('fe-1');
    supervisor.exited('fe-1', 'SIGKILL');
    await settle();
    expect(supervisor.status('fe-1').state).toBe('stopped');
    expect(starts()).toBe(0);
    supervisor.release('fe-1', { held: false });
    supervisor.started('fe-1');
    supervisor.exited('fe-1', 'SIGKILL');
    await settle();
    await supervisor.stop();
    expect(starts()).toBe(1);
  });

  it('cancels a restart waiting out its backoff when the caller takes the process over, or the launcher stops', async () => {
    const clock = new ManualClock();
    const { supervisor, starts } = supervised(clock, { failures: 0, startMs: 10 });
    supervisor.started('sm-1');
    supervisor.started('ls-1');
    supervisor.exited('sm-1', 'SIGKILL');
    supervisor.exited('ls-1', 'SIGKILL');
    await settle();
    await supervisor.takeOver('sm-1');
    expect(supervisor.status('sm-1').state).toBe('stopped');
    await supervisor.stop();
    await clock.advance(60_000);
    expect(starts()).toBe(0);
    expect(supervisor.status('ls-1').state).toBe('restarting');
  });
});
