import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerStatus } from '@strata/common';
import { ManualClock, waitFor } from '@strata/common/testing';
import { OneServerStamp } from '../helpers/one-server-stamp.js';
import { type CapturedServer, type Stored } from '../helpers/partition-in-process.js';

const JOB = 'checkpoint/p-1';

describe('Checkpointer (in-process stamp)', () => {
  const one = new OneServerStamp();
  afterEach(() => one.stop());

  const putAll = (names: string[]): Promise<Stored[]> => Promise.all(names.map((name) => one.client.put('box', name, `body of ${name}`)));
  const job = (of: CapturedServer): WorkerStatus | undefined => of.workers.list().find((status) => status.name === JOB);

  /**
   * Moves the clock one interval of the job, once its next round is armed: a round that ended
   * arms the next one interval after its end, so moving the clock before that would not reach it.
   */
  async function nextRound(of: CapturedServer): Promise<void> {
    const armed = await waitFor('the next round armed', () => {
      const status = job(of);
      return status?.state === 'idle' && status.nextRunMs !== undefined && status.nextRunMs > (status.lastStartedMs ?? -Infinity) && status;
    });
    await one.stamp.advance(armed.intervalMs);
  }

  it('reloads from the last checkpoint and replays only the log records after it', async () => {
    const client = await one.start({ container: 'box' });
    const before = await putAll(Array.from({ length: 30 }, (_, i) => `before-${i}`));
    // Record 1 made the container.
    expect(await client.checkpoint(one.server.address, 'p-1')).toBe(31);
    const after = await putAll(Array.from({ length: 5 }, (_, i) => `after-${i}`));

    const reloaded = await one.serve();
    expect(reloaded.log.find('partition state loaded')[0]).toMatchObject({ checkpointEntries: 31, checkpointSequence: 31, lastSequence: 36 });
    expect(reloaded.log.find('commit log replayed')[0]).toMatchObject({ records: 5 });
    for (const { blob, etag } of [...before, ...after]) expect(await client.etagOf('box', blob), blob).toBe(etag);
  });

  it('checkpoints when its interval passes on the clock, and only if records were applied since', async () => {
    const clock = new ManualClock();
    await one.start({ clock, container: 'box' });
    await putAll(['a', 'b']);
    const status = job(one.server)!;
    expect(status.runs).toBe(0);
    expect(one.server.log.find('checkpoint written')).toEqual([]);

    await nextRound(one.server);
    await waitFor('a checkpoint from the timer', () => one.server.log.find('checkpoint written').length === 1, { timeoutMs: 20_000 });
    expect(one.server.log.find('checkpoint written')[0]).toMatchObject({ sequence: 3, entries: 3 });

    // Nothing applied since: the next round runs and writes nothing.
    await nextRound(one.server);
    await waitFor('a second round of the job', () => (job(one.server)?.runs ?? 0) >= 2 && job(one.server)?.state === 'idle', { timeoutMs: 20_000 });
    expect(one.server.log.find('checkpoint written')).toHaveLength(1);
  });

  it('logs a failing checkpoint, tries again at the next round, and keeps serving', async () => {
    const clock = new ManualClock();
    const client = await one.start({ clock, serverArgs: ['--failpoints', 'partitionServer.checkpoint.beforeRoot=error'], container: 'box' });
    const stored = await putAll(['x', 'y']);
    for (const round of [1, 2]) {
      await nextRound(one.server);
      await waitFor(`failed round ${round} logged`, () => one.server.log.find('background round failed', { worker: JOB }).length === round, {
        timeoutMs: 20_000,
      });
      expect(job(one.server)).toMatchObject({ runs: round, failures: round, lastError: { message: 'failpoint partitionServer.checkpoint.beforeRoot' } });
      stored.push(...(await putAll([`during-${round}`])));
    }
    expect(one.server.log.find('checkpoint written')).toEqual([]);

    // Without the failure point, the same partition loads (from its log alone: no root was
    // written) and its next round writes the checkpoint.
    const healthy = await one.serve();
    expect(healthy.log.find('partition state loaded')[0]).toMatchObject({ checkpointSequence: 0, lastSequence: 5 });
    stored.push(...(await putAll(['z'])));
    await nextRound(healthy);
    await waitFor('the checkpoint written', () => healthy.log.find('checkpoint written').length === 1, { timeoutMs: 20_000 });
    expect(healthy.log.find('checkpoint written')[0]).toMatchObject({ sequence: 6 });
    for (const { blob, etag } of stored) expect(await client.etagOf('box', blob), blob).toBe(etag);
  });
});
