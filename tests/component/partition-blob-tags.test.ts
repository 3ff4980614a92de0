import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { isStrataError } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import { OneServerStamp } from '../helpers/one-server-stamp.js';

describe('SetBlobTags (in-process stamp)', () => {
  const one = new OneServerStamp();
  afterEach(() => one.stop());

  const record = async (blob: string) => (await one.client.client.getBlob({ account: one.client.account, container: 'box', blob })).record!;
  const setTags = (blob: string, tags: Array<{ key: string; value: string }>, container = 'box') =>
    one.client.client.setBlobTags({ account: one.client.account, container, blob, tags });
  const codeOf = async (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => 'ok',
      (error: unknown) => (isStrataError(error) ? error.code : String(error)),
    );

  it('replaces only the tags, through the commit log: a checkpoint keeps them, a reload replays them, a PUT replaces them', async () => {
    const client = await one.start({ container: 'box' });
    await client.put('box', 'a', 'small body of a');
    await client.put('box', 'b', Buffer.alloc(200_000, 7));
    const [a, b] = [await record('a'), await record('b')];

    const tagged = await setTags('a', [
      { key: 'z', value: '1' },
      { key: 'm', value: '' },
    ]);
    expect(tagged.record!.tags).toEqual([
      { key: 'm', value: '' },
      { key: 'z', value: '1' },
    ]);
    // Record 1 made the container, 2 and 3 the blobs, 4 the tags.
    expect(await client.checkpoint(one.server.address, 'p-1')).toBe(4);
    await setTags('b', [{ key: 'after', value: 'checkpoint' }]);

    const reloaded = await one.serve();
    expect(reloaded.log.find('partition state loaded')[0]).toMatchObject({ checkpointSequence: 4, lastSequence: 5 });
    expect(reloaded.log.find('commit log replayed')[0]).toMatchObject({ records: 1 });
    const [a2, b2] = [await record('a'), await record('b')];
    expect(a2.tags).toEqual(tagged.record!.tags);
    expect(b2.tags).toEqual([{ key: 'after', value: 'checkpoint' }]);
    // Nothing else of the records changed: same bytes (inline, or the same blocks), ETag, time.
    expect({ ...a2, tags: [] }).toEqual(a);
    expect({ ...b2, tags: [] }).toEqual(b);

    await client.put('box', 'a', 'a new body');
    expect((await record('a')).tags).toEqual([]);
    await setTags('b', []);
    expect((await record('b')).tags).toEqual([]);
  });

  it('refuses a missing blob or container and a tag set no blob may hold', async () => {
    await one.start({ container: 'box' });
    await one.client.put('box', 'x', 'x');
    expect(await codeOf(setTags('missing', [{ key: 'k', value: 'v' }]))).toBe('NO_SUCH_BLOB');
    expect(await codeOf(setTags('x', [{ key: 'k', value: 'v' }], 'nobox'))).toBe('NO_SUCH_CONTAINER');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: '' }));
    for (const tags of [
      eleven,
      [{ key: '', value: 'v' }],
      [{ key: 'k'.repeat(129), value: '' }],
      [
        { key: 'k', value: '1' },
        { key: 'k', value: '2' },
      ],
    ]) {
      expect(await codeOf(setTags('x', tags)), JSON.stringify(tags).slice(0, 60)).toBe('INVALID_ARGUMENT');
    }
    expect((await record('x')).tags).toEqual([]);
  });

  it('waits out the read leases on a hot blob before the tags commit, so no cached record serves the old tags', async () => {
    await one.start({ container: 'box' });
    await one.client.put('box', 'hot', 'hot body');
    let lease = { sentMs: 0, leaseMs: 0 };
    // A key earns leases once read often enough in a short window.
    await waitFor('a cache lease on the hot blob', async () => {
      const sentMs = performance.now();
      const info = await one.client.client.getBlob({ account: one.client.account, container: 'box', blob: 'hot', cacheLease: true });
      lease = { sentMs, leaseMs: info.cacheLeaseMs };
      return info.cacheLeaseMs > 0;
    });
    await setTags('hot', [{ key: 'k', value: 'v' }]);
    expect(performance.now() - lease.sentMs).toBeGreaterThanOrEqual(lease.leaseMs);
    expect((await record('hot')).tags).toEqual([{ key: 'k', value: 'v' }]);
  });
});
