import { describe, expect, it } from 'vitest';
import type { MetadataKv } from './metadata-kv.js';
import { MetadataStore, type ExtentRecord } from './metadata-store.js';

/** Records in a map; transactions run one at a time (all this test needs of etcd's). */
function memoryKv(): MetadataKv {
  const values = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    asLeader: (body) => {
      const run = queue.then(() =>
        body({
          get: async (key) => values.get(key) ?? null,
          put: async (key, value) => void values.set(key, value),
          delete: async (key) => void values.delete(key),
        }),
      );
      // Only orders the transactions: the caller of this one gets its failure from `run`.
      queue = run.catch(() => undefined);
      return run;
    },
    get: async (key) => values.get(key) ?? null,
    values: async (prefix) => [...values].filter(([key]) => key.startsWith(prefix)).map(([, value]) => value),
  };
}

describe('MetadataStore', () => {
  // Found by the front-end's blob-data test: a seal computes the sealed record from the extent
  // as it was before its replicas were frozen; a partition's hold taken meanwhile (a blob just
  // committed into the extent a front-end is appending to) was overwritten, and the extent
  // collected under the blob.
  it('keeps the holds taken on an extent while its seal was under way', async () => {
    const store = new MetadataStore(memoryKv(), '/test');
    const open: ExtentRecord = { extentId: 'e-1', replicas: ['en-1', 'en-2', 'en-3'], sealed: false, sealedLengthBytes: 0, createdMs: 1 };
    await store.createStream({ streamId: 's-1', name: 'fe/fe-1/0/data', extentIds: ['e-1'] }, open);
    const readBeforeFreeze = await store.extent('e-1');
    await store.holdExtents('p-1', ['e-1'], 1_000);
    const next: ExtentRecord = { extentId: 'e-2', replicas: ['en-1', 'en-2', 'en-3'], sealed: false, sealedLengthBytes: 0, createdMs: 2 };
    const recorded = await store.sealAndAppend({
      streamId: 's-1',
      sealed: { ...readBeforeFreeze, sealed: true, sealedLengthBytes: 4096 },
      next,
      writer: { epoch: 0, takeOver: false },
    });
    expect(recorded).toBe(true);
    expect(await store.extent('e-1')).toMatchObject({ sealed: true, sealedLengthBytes: 4096, holds: { 'p-1': 1_000 } });
    expect((await store.stream('s-1')).extentIds).toEqual(['e-1', 'e-2']);
  });
});
