import { describe, expect, it } from 'vitest';
import type { partitionV1, streamV1 } from '@strata/protos';
import { planCompactions, type PlanInput } from './gc-planner.js';
import type { StoredUsage } from './usage-reports.js';

const MiB = 1024 * 1024;
const partition = (partitionId: string, generation = 1): partitionV1.Partition__Output => ({
  previousOwnerId: '',
  partitionId,
  lowKey: '',
  highKey: '',
  ownerId: 'ps-1',
  generation,
  streams: { logStreamId: `${partitionId}-log`, dataStreamId: `${partitionId}-data`, metaStreamId: '', checkpointStreamId: '' },
});
const extent = (extentId: string, lengthBytes: number, sealed = true): streamV1.ExtentInfo__Output => ({
  extentId,
  replicas: [],
  sealed,
  sealedLengthBytes: sealed ? lengthBytes : 0,
  lengthBytes,
  holds: [],
});
const stream = (streamId: string, extents: streamV1.ExtentInfo__Output[]): streamV1.StreamInfo__Output => ({
  streamId,
  name: streamId,
  extents,
  writerEpoch: 1,
});
type Used = [extentId: string, liveBytes: number, own?: boolean, sealed?: boolean];
const usage = (partitionId: string, used: Used[], open: [string, number] = ['', 0], generation = 1): StoredUsage => ({
  partitionId,
  generation,
  sequence: 10,
  scannedMs: 0,
  extents: used.map(([extentId, liveBytes, own = true, sealed = true]) => ({ extentId, liveBytes, own, sealed })),
  openExtentId: open[0],
  openExtentBytes: open[1],
});

function input(partitions: partitionV1.Partition__Output[], streams: streamV1.StreamInfo__Output[], usages: StoredUsage[]): PlanInput {
  const extents = new Map(streams.flatMap((s) => s.extents).map((e) => [e.extentId, e]));
  return {
    partitions,
    extents,
    streams: new Map(streams.map((s) => [s.streamId, s])),
    usages: new Map(usages.map((u) => [u.partitionId, u])),
    liveRatioMin: 0.5,
    openExtentBytesMin: 16 * MiB,
  };
}

describe('planCompactions', () => {
  it('compacts sealed extents below the live ratio and releases empty ones, leaving dense ones', () => {
    const data = stream('p-1-data', [extent('e1', 64 * MiB), extent('e2', 64 * MiB), extent('e3', 64 * MiB), extent('e4', 1 * MiB, false)]);
    const used = usage(
      'p-1',
      [
        ['e1', 10 * MiB],
        ['e2', 0],
        ['e3', 60 * MiB],
        ['e4', 1 * MiB, true, false],
      ],
      ['e4', 1 * MiB],
    );
    expect(planCompactions(input([partition('p-1')], [data], [used]))).toEqual([{ partitionId: 'p-1', extentIds: ['e1', 'e2'] }]);
  });

  it('sums the live bytes of every partition sharing an extent: a split child with nothing there releases it, the other keeps it', () => {
    const shared = extent('e1', 64 * MiB);
    const left = stream('p-2-data', [shared, extent('e5', 0, false)]);
    const right = stream('p-3-data', [shared, extent('e6', 0, false)]);
    const usages = [usage('p-2', [['e1', 0]]), usage('p-3', [['e1', 40 * MiB]])];
    expect(planCompactions(input([partition('p-2'), partition('p-3')], [left, right], usages))).toEqual([{ partitionId: 'p-2', extentIds: ['e1'] }]);
    // Below the ratio overall: the child with data there copies it out too.
    const sparse = [usage('p-2', [['e1', 0]]), usage('p-3', [['e1', 10 * MiB]])];
    expect(planCompactions(input([partition('p-2'), partition('p-3')], [left, right], sparse))).toEqual([
      { partitionId: 'p-2', extentIds: ['e1'] },
      { partitionId: 'p-3', extentIds: ['e1'] },
    ]);
  });

  it('plans nothing for an extent whose sharer has not reported, nor from a usage of an older generation', () => {
    const shared = extent('e1', 64 * MiB);
    const streams = [stream('p-2-data', [shared]), stream('p-3-data', [shared])];
    expect(planCompactions(input([partition('p-2'), partition('p-3')], streams, [usage('p-2', [['e1', 0]])]))).toEqual([]);
    expect(planCompactions(input([partition('p-2', 2)], [streams[0]!], [usage('p-2', [['e1', 0]], ['', 0], 1)]))).toEqual([]);
  });

  it('seals and compacts the open extent only once it is large and mostly garbage, and never one that was open at the scan', () => {
    const open = stream('p-1-data', [extent('e1', 64 * MiB), extent('e2', 40 * MiB, false)]);
    expect(
      planCompactions(
        input(
          [partition('p-1')],
          [open],
          [
            usage(
              'p-1',
              [
                ['e1', 64 * MiB],
                ['e2', 2 * MiB, true, false],
              ],
              ['e2', 40 * MiB],
            ),
          ],
        ),
      ),
    ).toEqual([{ partitionId: 'p-1', extentIds: ['e2'] }]);
    expect(
      planCompactions(
        input(
          [partition('p-1')],
          [open],
          [
            usage(
              'p-1',
              [
                ['e1', 64 * MiB],
                ['e2', 0, true, false],
              ],
              ['e2', 8 * MiB],
            ),
          ],
        ),
      ),
    ).toEqual([]);
    // e2 sealed since the scan saw it open (and partly written): wait for a scan that saw it sealed.
    const sealedSince = stream('p-1-data', [extent('e1', 64 * MiB), extent('e2', 64 * MiB), extent('e3', 0, false)]);
    expect(
      planCompactions(
        input(
          [partition('p-1')],
          [sealedSince],
          [
            usage(
              'p-1',
              [
                ['e1', 64 * MiB],
                ['e2', 0, true, false],
                ['e3', 0, true, false],
              ],
              ['e2', 8 * MiB],
            ),
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('has a partition copy out of an extent it holds (a copied blob) once that extent is mostly garbage', () => {
    const other = stream('p-1-data', [extent('e1', 64 * MiB), extent('e9', 0, false)]);
    const mine = stream('p-2-data', [extent('e2', 0, false)]);
    const usages = [
      usage('p-1', [
        ['e1', 0],
        ['e9', 0, true, false],
      ]),
      usage('p-2', [
        ['e2', 0, true, false],
        ['e1', 4 * MiB, false],
      ]),
    ];
    expect(planCompactions(input([partition('p-1'), partition('p-2')], [other, mine], usages))).toEqual([
      { partitionId: 'p-1', extentIds: ['e1'] },
      { partitionId: 'p-2', extentIds: ['e1'] },
    ]);
  });

  it("has a holder drop its hold on a sealed extent no current usage points into (a front-end's extent whose blobs were all deleted)", () => {
    const held = (extentId: string, holders: string[], sealed = true): streamV1.ExtentInfo__Output => ({
      ...extent(extentId, 8 * MiB, sealed),
      holds: holders.map((holder) => ({ holder, heldMs: 0 })),
    });
    const streams = [stream('p-1-data', [extent('e1', 0, false)]), stream('p-2-data', [extent('e2', 0, false)])];
    const usages = [
      usage('p-1', [['e1', 0, true, false]]),
      // p-2 still points into e-live: its hold stays, and so does p-1's there.
      usage('p-2', [
        ['e2', 0, true, false],
        ['e-live', 6 * MiB, false],
      ]),
    ];
    const plan = input([partition('p-1'), partition('p-2')], streams, usages);
    const extents = new Map(plan.extents);
    extents.set('e-dead', held('e-dead', ['p-1', 'p-2', 'p-gone']));
    extents.set('e-live', held('e-live', ['p-1', 'p-2']));
    extents.set('e-open', held('e-open', ['p-1'], false));
    // A holder not in the map is the orphan rule's (the coordinator drops its holds after a grace period).
    expect(planCompactions({ ...plan, extents })).toEqual([
      { partitionId: 'p-1', extentIds: ['e-dead'] },
      { partitionId: 'p-2', extentIds: ['e-dead'] },
    ]);
  });
});
