import { describe, expect, it } from 'vitest';
import { AssertionFailure } from './assert.js';
import { BackgroundWorker, Workers } from './background-worker.js';
import { silentLogger } from './logger.js';
import { ManualClock } from './testing/manual-clock.js';

describe('BackgroundWorker', () => {
  it('runs a round every interval and reports its status', async () => {
    const clock = new ManualClock();
    let rounds = 0;
    const worker = new BackgroundWorker({ name: 'job', intervalMs: 1_000, run: async () => void rounds++ }, { clock, log: silentLogger() });
    worker.start();
    await clock.advance(3_500);
    expect(rounds).toBe(3);
    const status = worker.status();
    expect(status).toMatchObject({ name: 'job', state: 'idle', runs: 3, failures: 0, intervalMs: 1_000 });
    expect(status.nextRunMs).toBe(clock.nowMs() + 500);
    await worker.stop();
    expect(worker.status().state).toBe('stopped');
  });

  it('records a failed round and goes on at the next interval', async () => {
    const clock = new ManualClock();
    let rounds = 0;
    const worker = new BackgroundWorker(
      {
        name: 'flaky',
        intervalMs: 100,
        run: async () => {
          if (++rounds === 1) throw new Error('etcd unreachable');
        },
      },
      { clock, log: silentLogger() },
    );
    worker.start();
    await clock.advance(250);
    expect(worker.status()).toMatchObject({ runs: 2, failures: 1, lastError: { message: 'etcd unreachable', atMs: clock.nowMs() - 150 } });
    expect(worker.status().lastSucceededMs).toBe(clock.nowMs() - 50);
    await worker.stop();
  });

  it('skips rounds while inactive and says why', async () => {
    const clock = new ManualClock();
    let leader = false;
    let rounds = 0;
    const worker = new BackgroundWorker(
      { name: 'repair', intervalMs: 100, run: async () => void rounds++, inactiveReason: () => (leader ? undefined : 'not leader') },
      { clock, log: silentLogger() },
    );
    worker.start();
    await clock.advance(300);
    expect(rounds).toBe(0);
    expect(worker.status()).toMatchObject({ skipped: 'not leader', skips: 3, runs: 0 });
    leader = true;
    await clock.advance(100);
    expect(rounds).toBe(1);
    expect(worker.status().skipped).toBeUndefined();
    await worker.stop();
  });

  it('never runs two rounds at once, also when asked to run now', async () => {
    const clock = new ManualClock();
    let running = 0;
    let most = 0;
    const worker = new BackgroundWorker(
      {
        name: 'slow',
        intervalMs: 10,
        run: async (signal) => {
          most = Math.max(most, ++running);
          try {
            await clock.sleep(25, signal);
          } finally {
            running--;
          }
        },
      },
      { clock, log: silentLogger() },
    );
    worker.start();
    const now = worker.runNow();
    await clock.advance(200);
    await now;
    expect(most).toBe(1);
    await worker.stop();
  });

  it('lets an assertion failure escape the loop instead of logging it', async () => {
    const clock = new ManualClock();
    const worker = new BackgroundWorker(
      {
        name: 'broken',
        intervalMs: 10,
        run: async () => {
          throw new AssertionFailure('durable ≤ written');
        },
      },
      { clock, log: silentLogger() },
    );
    await expect(worker.runNow()).rejects.toBeInstanceOf(AssertionFailure);
    expect(worker.status().failures).toBe(0);
    await worker.stop();
  });

  it('aborts a running round when stopped', async () => {
    const clock = new ManualClock();
    let aborted = false;
    const workers = new Workers({ clock, log: silentLogger() });
    workers.start({
      name: 'long',
      intervalMs: 10,
      runAtStart: true,
      run: async (signal) => {
        await clock.sleep(1_000_000, signal).catch(() => (aborted = true));
      },
    });
    await clock.advance(1);
    expect(workers.list().map((status) => status.state)).toEqual(['running']);
    await workers.stopAll();
    expect(aborted).toBe(true);
    expect(workers.list()).toEqual([]);
  });
});
