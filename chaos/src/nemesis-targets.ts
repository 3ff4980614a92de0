import type { ProcessInfo } from '@strata/deploy';
import type { ClusterView, ExtentView, StreamView } from './cluster-view.js';
import type { PlannedFault } from './schedule.js';

export interface Target {
  id: string;
  detail: string;
}

const CHAIN_INDEX = { head: 0, middle: 1, tail: 2 } as const;

/** One of `items` by a draw in [0, 1). */
export function pickBy<T>(items: readonly T[], draw: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.min(items.length - 1, Math.floor(draw * items.length))];
}

/** Process ids of `role` that run and are not down, sorted (so a draw picks the same one from the same cluster). */
export function liveIds(processes: readonly ProcessInfo[], role: string, down: ReadonlySet<string>): string[] {
  return processes
    .filter((p) => p.role === role && !down.has(p.id))
    .map((p) => p.id)
    .sort();
}

/** Streams the load appends to all the time: the partitions' commit logs and blob data. */
const busy = (stream: StreamView): boolean => /\/(log|data)$/.test(stream.name);

/**
 * The extent node a fault hits: the member at the fault's chain position of an open extent
 * (preferring the streams the load keeps appending to), or any live node when the position is
 * `any` or no open chain offers a live one.
 */
export async function extentNodeTarget(view: ClusterView, fault: PlannedFault, live: readonly string[]): Promise<Target | undefined> {
  const position = fault.position ?? 'any';
  if (position !== 'any') {
    const index = CHAIN_INDEX[position];
    const streams = await view.streams().catch(() => [] as StreamView[]);
    const open = (only: (stream: StreamView) => boolean): { stream: StreamView; extent: ExtentView }[] =>
      streams
        .filter(only)
        .flatMap((stream) => stream.extents.filter((e) => !e.sealed && live.includes(e.replicas[index]?.nodeId ?? '')).map((extent) => ({ stream, extent })))
        .sort((a, b) => a.extent.extentId.localeCompare(b.extent.extentId));
    const chosen = pickBy(open(busy).length > 0 ? open(busy) : open(() => true), fault.pick);
    if (chosen) return { id: chosen.extent.replicas[index]!.nodeId, detail: `${position} of open extent ${chosen.extent.extentId} of ${chosen.stream.name}` };
  }
  const id = pickBy(live, fault.pick);
  return id ? { id, detail: position === 'any' ? 'a live node' : `a live node (no open chain had a live ${position})` } : undefined;
}

/** A live partition server that owns partitions (any live one if none does). */
export async function partitionServerTarget(view: ClusterView, fault: PlannedFault, live: readonly string[]): Promise<Target | undefined> {
  const partitions = await view.partitions().catch(() => []);
  const owners = live.filter((id) => partitions.some((p) => p.ownerId === id));
  const id = pickBy(owners.length > 0 ? owners : live, fault.pick);
  if (!id) return undefined;
  const owned = partitions.filter((p) => p.ownerId === id).map((p) => p.partitionId);
  return { id, detail: owned.length > 0 ? `owner of ${owned.join(', ')}` : 'owns no partition' };
}

/** A replica of a sealed extent, not flipped before, on a node that is up: where a byte rots. */
export async function sealedReplicaTarget(
  view: ClusterView,
  fault: PlannedFault,
  options: { live: readonly string[]; flipped: ReadonlySet<string> },
): Promise<{ extentId: string; nodeId: string; lengthBytes: number } | undefined> {
  const streams = await view.streams();
  const seen = new Set<string>();
  const replicas = streams
    .flatMap((stream) => stream.extents)
    .filter((e) => e.sealed && Number(e.lengthBytes) > 0 && !options.flipped.has(e.extentId) && !seen.has(e.extentId) && seen.add(e.extentId))
    .flatMap((e) =>
      e.replicas
        .filter((r) => r.healthy && options.live.includes(r.nodeId))
        .map((r) => ({ extentId: e.extentId, nodeId: r.nodeId, lengthBytes: Number(e.lengthBytes) })),
    )
    .sort((a, b) => a.extentId.localeCompare(b.extentId) || a.nodeId.localeCompare(b.nodeId));
  return pickBy(replicas, fault.pick);
}
