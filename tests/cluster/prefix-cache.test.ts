import { waitFor } from '@strata/common/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { connectEtcd, PrefixCache, type Etcd3 } from '@strata/common';
import { freePort } from '@strata/deploy';
import { LoneEtcd } from '../helpers/lone-etcd.js';

const quiet = pino({ level: 'silent' });

/**
 * The partition map's copies (front-ends', partition servers') are PrefixCaches: a watch keeps
 * them current, and `refresh()` is what a partition server's read fence counts on, so a copy
 * whose watch lags or stalled must hold, once refresh resolves, every change made before it.
 */
describe('PrefixCache on a real etcd', () => {
  let dir: string | undefined;
  let etcd: LoneEtcd | undefined;
  const clients: Etcd3[] = [];
  const caches: PrefixCache<string>[] = [];
  afterEach(async () => {
    for (const cache of caches.splice(0)) await cache.close().catch(() => undefined);
    for (const client of clients.splice(0)) client.close();
    await etcd?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<{ writer: Etcd3; cache: PrefixCache<string>; changes: () => number }> {
    dir = await mkdtemp(join(tmpdir(), 'strata-test-prefix-cache-'));
    etcd = new LoneEtcd(dir, { client: await freePort(), peer: await freePort() });
    await etcd.start();
    const writer = connectEtcd([etcd.endpoint]);
    const reader = connectEtcd([etcd.endpoint]);
    clients.push(writer, reader);
    await writer.put('/t/map/a').value('1');
    await writer.put('/t/outside').value('x');
    const cache = await PrefixCache.open({ client: reader, prefix: '/t/map/', decode: (raw) => raw, log: quiet });
    caches.push(cache);
    let changes = 0;
    cache.on('change', () => changes++);
    return { writer, cache, changes: () => changes };
  }

  it('holds every put and delete made before refresh() resolves, and says change only when something changed', async () => {
    const { writer, cache, changes } = await start();
    expect(Object.fromEntries(cache.snapshot())).toEqual({ a: '1' });
    await writer.put('/t/map/b').value('2');
    await writer.put('/t/map/a').value('3');
    await writer.delete().key('/t/map/b');
    await writer.put('/t/map/c').value('4');
    await cache.refresh(5_000);
    // Whichever came first, the watch or the read, the copy is the prefix as it is now.
    expect(Object.fromEntries(cache.snapshot())).toEqual({ a: '3', c: '4' });
    expect(cache.get('outside')).toBeUndefined();
    // The watch's own events, arriving after the read, change nothing more.
    await waitFor('a change reported', () => cache.revision() >= 0 && changes() > 0);
    await new Promise((resolve) => setImmediate(resolve));
    const before = changes();
    await cache.refresh(5_000);
    expect(changes(), 'a refresh that found nothing new reports no change').toBe(before);
    expect(Object.fromEntries(cache.snapshot())).toEqual({ a: '3', c: '4' });
  });

  it('catches up by refresh() after etcd was killed and started again, whatever its watch did', async () => {
    const { writer, cache } = await start();
    await etcd!.kill();
    await expect(cache.refresh(1_000), 'a refresh while etcd is down fails within its deadline').rejects.toThrow();
    await etcd!.start();
    await waitFor(
      'etcd to take writes again',
      async () => {
        try {
          await writer.put('/t/map/after-restart').value('5');
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 30_000 },
    );
    await writer.delete().key('/t/map/a');
    await waitFor(
      'a refresh to succeed',
      async () => {
        try {
          await cache.refresh(2_000);
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 30_000 },
    );
    expect(Object.fromEntries(cache.snapshot())).toEqual({ 'after-restart': '5' });
    // The watch follows again afterwards.
    await writer.put('/t/map/later').value('6');
    await waitFor('the watch to deliver a later change', () => cache.get('later') === '6', { timeoutMs: 30_000 });
  });
});
