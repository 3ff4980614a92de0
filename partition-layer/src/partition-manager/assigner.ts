import type { partitionV1 } from '@strata/protos';

export interface Assignment {
  partitionId: string;
  ownerId: string;
}

/**
 * Decides which partitions move: every partition whose owner is not a live server goes to the
 * live server with the fewest partitions (ties to the smallest id, so the decision is
 * deterministic). Partitions of live servers stay where they are. No live server: no change.
 */
export function assignOrphans(partitions: readonly partitionV1.Partition__Output[], liveServerIds: readonly string[]): Assignment[] {
  if (liveServerIds.length === 0) return [];
  const live = new Set(liveServerIds);
  const load = new Map(liveServerIds.map((id) => [id, 0]));
  for (const partition of partitions) {
    if (live.has(partition.ownerId)) load.set(partition.ownerId, (load.get(partition.ownerId) ?? 0) + 1);
  }
  const changes: Assignment[] = [];
  const orphans = partitions.filter((partition) => !live.has(partition.ownerId)).sort((a, b) => a.partitionId.localeCompare(b.partitionId));
  for (const orphan of orphans) {
    const [ownerId] = [...load.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]!;
    load.set(ownerId, (load.get(ownerId) ?? 0) + 1);
    changes.push({ partitionId: orphan.partitionId, ownerId });
  }
  return changes;
}
