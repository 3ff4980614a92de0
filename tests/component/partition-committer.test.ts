import { afterEach, describe, expect, it } from 'vitest';
import { isStrataError } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import { StreamWriter, extentNodeClients } from '@strata/stream-layer';
import { OneServerStamp } from '../helpers/one-server-stamp.js';
import { consecutiveFrom, type Stored } from '../helpers/partition-in-process.js';

describe('Committer (in-process stamp)', () => {
  const one = new OneServerStamp();
  afterEach(() => one.stop());

  it('gives concurrent writes consecutive sequence numbers, batching them into fewer log blocks (group commit)', async () => {
    const client = await one.start({ container: 'box' });
    // Empty blobs: no data append, so the commits arrive together and queue behind the log appends in flight.
    const stored = await Promise.all(Array.from({ length: 120 }, (_, i) => client.put('box', `b${String(i).padStart(3, '0')}`, '')));
    const p1 = (await client.partition('p-1'))!;
    await one.serve();
    const log = await client.sealedLog(p1.streams!.logStreamId);
    // Record 1 created the container; the puts follow it.
    expect(consecutiveFrom(log.sequences)).toEqual({ first: 1, last: 1 + stored.length });
    expect(log.blocks).toBeLessThan(stored.length / 2);
    for (const { blob, etag } of stored.slice(0, 10)) expect(await client.etagOf('box', blob)).toBe(etag);
  });

  it('lets exactly one of many concurrent If-None-Match: * writes of one key win, and If-Match write only over the ETag named', async () => {
    const client = await one.start({ container: 'box' });
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => client.put('box', 'contested', `writer ${i}`, { ifNoneMatch: '*' })));
    const winners = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected' && isStrataError(outcome.reason, ['PRECONDITION_FAILED']))).toHaveLength(15);
    expect(await client.etagOf('box', 'contested')).toBe(winners[0]!.etag);

    // Racing overwrites that each name the winner's ETag: the first to commit changes it, so the others fail.
    const overwrites = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => client.put('box', 'contested', `over ${i}`, { ifMatch: winners[0]!.etag })),
    );
    const applied = overwrites.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(applied).toHaveLength(1);
    expect(await client.etagOf('box', 'contested')).toBe(applied[0]!.etag);
  });

  it('reloads the partition after a failed log append, losing nothing acknowledged and leaving no gap in the log', async () => {
    const client = await one.start({ container: 'box' });
    const { stamp, server } = one;
    const p1 = (await client.partition('p-1'))!;
    const acknowledged: Stored[] = [];
    let refused = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        try {
          acknowledged.push(await client.put('box', `w${String(i).padStart(4, '0')}`, `body ${i}`));
        } catch (error) {
          if (!isStrataError(error)) throw error;
          refused++;
        }
      }
    })();
    try {
      await waitFor('some writes acknowledged', () => acknowledged.length >= 20, { timeoutMs: 20_000 });
      // Another writer takes the log stream over: ps-1's next append fails, as after any fencing.
      const nodes = extentNodeClients();
      try {
        const intruder = await StreamWriter.open({
          manager: client.streams,
          nodes,
          clock: stamp.clock,
          log: server.log.logger,
          streamId: p1.streams!.logStreamId,
        });
        await intruder.close();
      } finally {
        nodes.close();
      }
      await waitFor('ps-1 to reload p-1 after the failed commit', () => server.log.find('partition failed a commit; reloading').length > 0, {
        timeoutMs: 20_000,
      });
      await waitFor('ps-1 to serve p-1 again', () => server.log.find('partition serving').length >= 2, { timeoutMs: 20_000 });
      const afterReload = acknowledged.length;
      await waitFor('writes acknowledged after the reload', () => acknowledged.length >= afterReload + 20, { timeoutMs: 20_000 });
    } finally {
      writing = false;
      await writer;
    }

    // The write whose append met the fenced log was refused, not acknowledged (its outcome is unknown).
    expect(refused).toBeGreaterThan(0);
    for (const { blob, etag } of acknowledged) expect(await client.etagOf('box', blob), blob).toBe(etag);
    await one.serve();
    for (const { blob, etag } of acknowledged) expect(await client.etagOf('box', blob), blob).toBe(etag);
    const log = await client.sealedLog(p1.streams!.logStreamId);
    expect(consecutiveFrom(log.sequences)?.first).toBe(1);
  });
});
