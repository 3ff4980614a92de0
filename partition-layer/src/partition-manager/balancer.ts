import type { partitionV1 } from '@strata/protos';
import { compareKeys } from '../keys.js';

export interface BalancerPolicy {
  /** Split a partition holding more entries than this. */
  splitEntries: number;
  /** Merge two adjacent partitions that each hold fewer entries than this and are cold. */
  mergeEntries: number;
  /** Below this many requests per second a partition is cold. */
  coldOperationsPerSecond: number;
}

export interface PartitionLoad {
  entries: number;
  operationsPerSecond: number;
}

export type BalancerAction =
  | { kind: 'split'; partitionId: string }
  | { kind: 'merge'; leftPartitionId: string; rightPartitionId: string }
  | { kind: 'move'; partitionId: string; serverId: string };

/**
 * The manager's next step from the partitions' sizes and loads (a pure function, one action
 * per round so each runs on a fresh view): split the largest partition over the limit; else
 * merge the coldest adjacent pair of small partitions; else move a partition from the server
 * with the most to the one with the fewest, when they differ by more than one. Partitions
 * whose load is unknown (a server that did not answer) are left alone.
 */
export function nextAction(options: {
  partitions: readonly partitionV1.Partition__Output[];
  loads: ReadonlyMap<string, PartitionLoad>;
  liveServerIds: readonly string[];
  policy: BalancerPolicy;
}): BalancerAction | undefined {
  const { loads, policy } = options;
  const partitions = [...options.partitions].sort((a, b) => compareKeys(a.lowKey, b.lowKey));
  const oversized = partitions
    .filter((p) => (loads.get(p.partitionId)?.entries ?? 0) > policy.splitEntries)
    .sort((a, b) => loads.get(b.partitionId)!.entries - loads.get(a.partitionId)!.entries)[0];
  if (oversized) return { kind: 'split', partitionId: oversized.partitionId };

  let best: { left: string; right: string; entries: number } | undefined;
  for (let i = 0; i + 1 < partitions.length; i++) {
    const [left, right] = [partitions[i]!, partitions[i + 1]!];
    const [a, b] = [loads.get(left.partitionId), loads.get(right.partitionId)];
    if (!a || !b) continue;
    const small = a.entries < policy.mergeEntries && b.entries < policy.mergeEntries;
    const cold = a.operationsPerSecond < policy.coldOperationsPerSecond && b.operationsPerSecond < policy.coldOperationsPerSecond;
    if (small && cold && (!best || a.entries + b.entries < best.entries))
      best = { left: left.partitionId, right: right.partitionId, entries: a.entries + b.entries };
  }
  if (best) return { kind: 'merge', leftPartitionId: best.left, rightPartitionId: best.right };

  if (options.liveServerIds.length < 2) return undefined;
  const owned = new Map(options.liveServerIds.map((id) => [id, [] as partitionV1.Partition__Output[]]));
  for (const partition of partitions) owned.get(partition.ownerId)?.push(partition);
  const byCount = [...owned].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const [busiest, idlest] = [byCount[0]!, byCount.at(-1)!];
  if (busiest[1].length - idlest[1].length <= 1) return undefined;
  const candidate = busiest[1].filter((p) => loads.has(p.partitionId)).sort((a, b) => loads.get(a.partitionId)!.entries - loads.get(b.partitionId)!.entries)[0];
  return candidate ? { kind: 'move', partitionId: candidate.partitionId, serverId: idlest[0] } : undefined;
}
