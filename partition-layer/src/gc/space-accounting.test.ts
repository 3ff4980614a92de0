import { describe, expect, it } from 'vitest';
import type { partitionV1, streamV1 } from '@strata/protos';
import { accountSpace } from './space-accounting.js';
import type { StoredUsage } from './usage-reports.js';

const extent = (extentId: string, lengthBytes: number, sealed = true, holders: string[] = []): streamV1.ExtentInfo__Output => ({
  extentId,
  replicas: ['en-1', 'en-2', 'en-3'].map((nodeId) => ({ nodeId, address: '', dataAddress: '', healthy: true })),
  sealed,
  sealedLengthBytes: sealed ? lengthBytes : 0,
  lengthBytes,
  holds: holders.map((holder) => ({ holder, heldMs: 0 })),
});
const partition = (partitionId: string, generation = 3): partitionV1.Partition__Output => ({
  previousOwnerId: '',
  partitionId,
  lowKey: '',
  highKey: '',
  ownerId: 'ps-1',
  generation,
  streams: { logStreamId: 's-log', dataStreamId: 's-data', metaStreamId: 's-meta', checkpointStreamId: 's-cp' },
});
const usage = (extents: [string, number][], generation = 3): StoredUsage => ({
  partitionId: 'p-1',
  generation,
  sequence: 1,
  scannedMs: 0,
  extents: extents.map(([extentId, liveBytes]) => ({ extentId, liveBytes, own: true, sealed: true })),
  openExtentId: '',
  openExtentBytes: 0,
});

describe('accountSpace', () => {
  const streams: streamV1.StreamInfo__Output[] = [
    { streamId: 's-data', name: 'p-1/data', extents: [extent('e-2', 1000), extent('e-10', 1000), extent('e-11', 200, false)], writerEpoch: 1 },
    { streamId: 's-log', name: 'p-1/log', extents: [extent('e-3', 300)], writerEpoch: 1 },
  ];

  it('counts data extents by what the indexes point at and log extents whole, every replica in the raw figure', () => {
    const { extents, stamp } = accountSpace({
      streams,
      held: [extent('e-7', 500, true, ['p-9'])],
      partitions: [partition('p-1')],
      usages: new Map([
        [
          'p-1',
          usage([
            ['e-2', 100],
            ['e-10', 900],
            ['e-11', 50],
            ['e-7', 20],
          ]),
        ],
      ]),
      liveRatioMin: 0.5,
    });
    expect(extents.map((e) => [e.extentId, e.kind, e.totalBytes, e.liveBytes])).toEqual([
      ['e-2', 'data', 1000, 100],
      ['e-3', 'log', 300, 300],
      ['e-7', 'data', 500, 20],
      ['e-10', 'data', 1000, 900],
      ['e-11', 'data', 200, 50],
    ]);
    expect(stamp).toEqual({
      liveBytes: 1370,
      storedBytes: 3000,
      rawStoredBytes: 9000,
      garbageRatio: 1 - 1370 / 3000,
      extents: 5,
      extentsBelowThreshold: 2,
      extentsUnknown: 0,
    });
  });

  it('says "unknown" (and counts it live) while the owning partition has no usage of its current generation', () => {
    const { extents, stamp } = accountSpace({
      streams,
      held: [],
      partitions: [partition('p-1', 4)],
      usages: new Map([['p-1', usage([['e-2', 100]], 3)]]),
      liveRatioMin: 0.5,
    });
    expect(extents.filter((e) => e.kind === 'data').every((e) => e.liveBytes === null)).toBe(true);
    expect(stamp.liveBytes).toBe(stamp.storedBytes);
    expect(stamp.extentsUnknown).toBe(3);
  });
});
