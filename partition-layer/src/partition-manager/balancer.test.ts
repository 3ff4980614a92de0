import { describe, expect, it } from 'vitest';
import type { partitionV1 } from '@strata/protos';
import { nextAction, type PartitionLoad } from './balancer.js';

const policy = { splitEntries: 1000, mergeEntries: 100, coldOperationsPerSecond: 5 };
const partition = (partitionId: string, lowKey: string, highKey: string, ownerId: string): partitionV1.Partition__Output => ({
  previousOwnerId: '',
  partitionId,
  lowKey,
  highKey,
  ownerId,
  generation: 1,
  streams: null,
});
const loads = (entries: Record<string, [number, number]>): Map<string, PartitionLoad> =>
  new Map(Object.entries(entries).map(([id, [count, ops]]) => [id, { entries: count, operationsPerSecond: ops }]));

describe('nextAction', () => {
  it('splits the largest partition over the limit first', () => {
    const partitions = [partition('a', '', 'm', 's1'), partition('b', 'm', '', 's1')];
    expect(nextAction({ partitions, loads: loads({ a: [1500, 0], b: [5000, 0] }), liveServerIds: ['s1'], policy })).toEqual({
      kind: 'split',
      partitionId: 'b',
    });
  });

  it('merges the smallest cold adjacent pair, never a hot or large one', () => {
    const partitions = [partition('a', '', 'f', 's1'), partition('b', 'f', 'm', 's1'), partition('c', 'm', 't', 's1'), partition('d', 't', '', 's1')];
    expect(nextAction({ partitions, loads: loads({ a: [50, 0], b: [60, 100], c: [10, 0], d: [20, 1] }), liveServerIds: ['s1'], policy })).toEqual({
      kind: 'merge',
      leftPartitionId: 'c',
      rightPartitionId: 'd',
    });
    expect(nextAction({ partitions, loads: loads({ a: [500, 0], b: [60, 100], c: [10, 50], d: [200, 1] }), liveServerIds: ['s1'], policy })).toBeUndefined();
  });

  it('moves a partition from the busiest server to the idlest when they differ by more than one', () => {
    const partitions = ['a', 'b', 'c'].map((id, i) => partition(id, String(i), String(i + 1), 's1'));
    const action = nextAction({ partitions, loads: loads({ a: [300, 10], b: [200, 10], c: [400, 10] }), liveServerIds: ['s1', 's2'], policy });
    expect(action).toEqual({ kind: 'move', partitionId: 'b', serverId: 's2' });
    const balanced = [partition('a', '', 'm', 's1'), partition('b', 'm', '', 's2')];
    expect(nextAction({ partitions: balanced, loads: loads({ a: [300, 10], b: [200, 10] }), liveServerIds: ['s1', 's2'], policy })).toBeUndefined();
  });

  it('leaves partitions of unknown load alone', () => {
    const partitions = [partition('a', '', 'm', 's1'), partition('b', 'm', '', 's1')];
    expect(nextAction({ partitions, loads: loads({ b: [10, 0] }), liveServerIds: ['s1'], policy })).toBeUndefined();
  });
});
