import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerStatus } from '@strata/common';
import { ManualClock, waitFor } from '@strata/common/testing';
import { InProcessStamp } from '../helpers/in-process-stamp.js';
import { PartitionTestClient, startCapturedServer, type CapturedServer, type Stored, QUIET_MANAGER } from '../helpers/partition-in-process.js';

const JOB = 'checkpoint/p-1';

describe('Checkpointer (in-process stamp)', () => {
  let stamp: InProcessStamp | undefined;
  let server: CapturedServer | undefined;
  let client: PartitionTestClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.stop();
    await stamp?.stop();
    stamp = server = client = undefined;
  });

  async function serve(args: string[] = []): Promise<CapturedServer> {
    await server?.stop();
    server = await startCapturedServer(stamp!, 'ps-1', args);
    const started = server;
    await waitFor('ps-1 to serve p-1', () => started.log.find('partition serving').length > 0, { timeoutMs: 20_000 });
    return started;
  }

  /** A stamp (on `clock`, if given) whose one partition p-1 is served by ps-1, with a container `box`. */
  async function start(options: { clock?: ManualClock; args?: string[] } = {}): Promise<{ stamp: InProcessStamp; client: PartitionTestClient }> {
    stamp = await InProcessStamp.start({
      partitionManagers: 1,
      args: { 'partition-manager': QUIET_MANAGER },
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await serve(options.args);
    client = await PartitionTestClient.open(stamp);
    await client.client.createContainer({ account: client.account, container: 'box' });
    return { stamp, client };
  }

  const putAll = (names: string[]): Promise<Stored[]> => Promise.all(names.map((name) => client!.put('box', name, `body of ${name}`)));
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
    await stamp!.advance(armed.intervalMs);
  }

  it('reloads from the last checkpoint and replays only the log records after it', async () => {
    const { client } = await start();
    const before = await putAll(Array.from({ length: 30 }, (_, i) => `before-${i}`));
    // Record 1 made the container.
    expect(await client.checkpoint(server!.address, 'p-1')).toBe(31);
    const after = await putAll(Array.from({ length: 5 }, (_, i) => `after-${i}`));

    const reloaded = await serve();
    expect(reloaded.log.find('partition state loaded')[0]).toMatchObject({ checkpointEntries: 31, checkpointSequence: 31, lastSequence: 36 });
    expect(reloaded.log.find('commit log replayed')[0]).toMatchObject({ records: 5 });
    for (const { blob, etag } of [...before, ...after]) expect(await client.etagOf('box', blob), blob).toBe(etag);
  });

  it('checkpoints when its interval passes on the clock, and only if records were applied since', async () => {
    const clock = new ManualClock();
    await start({ clock });
    await putAll(['a', 'b']);
    const status = job(server!)!;
    expect(status.runs).toBe(0);
    expect(server!.log.find('checkpoint written')).toEqual([]);

    await nextRound(server!);
    await waitFor('a checkpoint from the timer', () => server!.log.find('checkpoint written').length === 1, { timeoutMs: 20_000 });
    expect(server!.log.find('checkpoint written')[0]).toMatchObject({ sequence: 3, entries: 3 });

    // Nothing applied since: the next round runs and writes nothing.
    await nextRound(server!);
    await waitFor('a second round of the job', () => (job(server!)?.runs ?? 0) >= 2 && job(server!)?.state === 'idle', { timeoutMs: 20_000 });
    expect(server!.log.find('checkpoint written')).toHaveLength(1);
  });

  it('logs a failing checkpoint, tries again at the next round, and keeps serving', async () => {
    const clock = new ManualClock();
    const { client } = await start({ clock, args: ['--failpoints', 'partitionServer.checkpoint.beforeRoot=error'] });
    const stored = await putAll(['x', 'y']);
    for (const round of [1, 2]) {
      await nextRound(server!);
      await waitFor(`failed round ${round} logged`, () => server!.log.find('background round failed', { worker: JOB }).length === round, { timeoutMs: 20_000 });
      expect(job(server!)).toMatchObject({ runs: round, failures: round, lastError: { message: 'failpoint partitionServer.checkpoint.beforeRoot' } });
      stored.push(...(await putAll([`during-${round}`])));
    }
    expect(server!.log.find('checkpoint written')).toEqual([]);

    // Without the failure point, the same partition loads (from its log alone: no root was
    // written) and its next round writes the checkpoint.
    const healthy = await serve();
    expect(healthy.log.find('partition state loaded')[0]).toMatchObject({ checkpointSequence: 0, lastSequence: 5 });
    stored.push(...(await putAll(['z'])));
    await nextRound(healthy);
    await waitFor('the checkpoint written', () => healthy.log.find('checkpoint written').length === 1, { timeoutMs: 20_000 });
    expect(healthy.log.find('checkpoint written')[0]).toMatchObject({ sequence: 6 });
    for (const { blob, etag } of stored) expect(await client.etagOf('box', blob), blob).toBe(etag);
  });
});
