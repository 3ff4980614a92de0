import type { streamV1 } from '@strata/protos';
import type { NodeRecord } from '../etcd-keys.js';
import { isHeld, type ExtentRecord } from './metadata-store.js';

/** What the stream manager saw of the cluster in one poll. */
export interface ClusterView {
  /** Every extent the manager records. */
  extents: readonly ExtentRecord[];
  /** Extent ids some stream references. */
  referenced: ReadonlySet<string>;
  /** Registered (live) nodes. */
  liveNodes: readonly NodeRecord[];
  /** Each polled node's replicas; a live node missing here did not answer the poll. */
  reports: ReadonlyMap<string, readonly streamV1.ReplicaState__Output[]>;
  replicaCount: number;
  nowMs: number;
  /**
   * How old an unrecorded replica must be before it counts as garbage (it may be a new extent
   * being recorded), and how long a condemned extent stays readable before it is deleted (for
   * readers still holding pointers into it).
   */
  graceMs: number;
}

export type RepairAction =
  /** A replica of a sealed extent that is unsealed but long enough: cut it to the sealed length. */
  | { kind: 'seal'; extentId: string; nodeId: string; lengthBytes: number }
  /** A replica nobody should read: not in its extent's replica set, corrupt, too short, or of a deleted extent. */
  | { kind: 'delete'; extentId: string; nodeId: string; reason: string }
  /** Copy a healthy replica to `toNodeId`, then record it in place of `replaces` (an unhealthy member, if any). */
  | { kind: 'copy'; extentId: string; fromNodeId: string; toNodeId: string; lengthBytes: number; replaces?: string }
  /**
   * An extent no stream lists and nobody holds: condemn it (no new holds or shares; deleted
   * after the grace period), unless its record changed since `seen` (a hold or share since).
   */
  | { kind: 'condemn'; extentId: string; seen: ExtentRecord }
  /** A condemned extent whose replicas are all gone: forget its record. */
  | { kind: 'forget'; extentId: string };

/** The state of one member of an extent's replica set. */
export type MemberState = 'healthy' | 'needs-seal' | 'dead' | 'missing' | 'corrupt' | 'wrong-length' | 'unknown';

/**
 * The repair decisions for one view of the cluster: a pure function, so every case can be
 * tested without processes. Unsealed extents are never repaired (their writer seals them on
 * failure); sealed extents a stream lists or somebody holds are brought back to
 * `replicaCount` healthy replicas; replicas that should not exist are deleted; extents nobody
 * needs are condemned, then collected after the grace period.
 */
export function planRepairs(view: ClusterView): RepairAction[] {
  const actions: RepairAction[] = [];
  const live = new Map(view.liveNodes.map((node) => [node.nodeId, node]));
  const byExtent = new Map(view.extents.map((extent) => [extent.extentId, extent]));

  // Replicas held on nodes that the records do not list: garbage once past the grace period.
  for (const [nodeId, replicas] of view.reports) {
    for (const replica of replicas) {
      const extent = byExtent.get(replica.extentId);
      const listed = extent?.replicas.includes(nodeId) ?? false;
      if (!listed && view.nowMs - replica.createdMs > view.graceMs) {
        actions.push({ kind: 'delete', extentId: replica.extentId, nodeId, reason: extent ? 'not in the replica set' : 'no such extent' });
      }
    }
  }

  for (const extent of view.extents) {
    if (!view.referenced.has(extent.extentId) && !isHeld(extent)) {
      // Condemned first and deleted a grace period later: a reader given pointers into it
      // before it was released has that long to finish.
      if (extent.condemnedMs === undefined) actions.push({ kind: 'condemn', extentId: extent.extentId, seen: extent });
      else if (view.nowMs - extent.condemnedMs > view.graceMs) actions.push(...collect(extent, view));
      continue;
    }
    if (!extent.sealed) continue;
    actions.push(...repairSealed(extent, view, live));
  }
  return actions;
}

/** Deletes every replica of a condemned extent, then forgets it. */
function collect(extent: ExtentRecord, view: ClusterView): RepairAction[] {
  const held = [...view.reports].filter(([, replicas]) => replicas.some((r) => r.extentId === extent.extentId)).map(([nodeId]) => nodeId);
  const unreported = extent.replicas.filter((nodeId) => !view.reports.has(nodeId));
  if (held.length === 0 && unreported.length === 0) return [{ kind: 'forget', extentId: extent.extentId }];
  return held.map((nodeId) => ({ kind: 'delete' as const, extentId: extent.extentId, nodeId, reason: 'extent unreferenced' }));
}

export function memberState(extent: ExtentRecord, nodeId: string, view: Pick<ClusterView, 'reports' | 'liveNodes'>): MemberState {
  if (!view.liveNodes.some((node) => node.nodeId === nodeId)) return 'dead';
  const reported = view.reports.get(nodeId);
  if (!reported) return 'unknown';
  const replica = reported.find((r) => r.extentId === extent.extentId);
  if (!replica) return 'missing';
  if (replica.corrupt) return 'corrupt';
  if (!extent.sealed) return 'healthy';
  if (replica.sealed) return replica.lengthBytes === extent.sealedLengthBytes ? 'healthy' : 'wrong-length';
  return replica.lengthBytes >= extent.sealedLengthBytes ? 'needs-seal' : 'wrong-length';
}

function repairSealed(extent: ExtentRecord, view: ClusterView, live: ReadonlyMap<string, NodeRecord>): RepairAction[] {
  const actions: RepairAction[] = [];
  const states = new Map(extent.replicas.map((nodeId) => [nodeId, memberState(extent, nodeId, view)]));
  const healthy = [...states].filter(([, state]) => state === 'healthy' || state === 'needs-seal').map(([nodeId]) => nodeId);
  for (const [nodeId, state] of states) {
    if (state === 'needs-seal') actions.push({ kind: 'seal', extentId: extent.extentId, nodeId, lengthBytes: extent.sealedLengthBytes });
    // Drop a bad replica only while a good one remains. With none, the view itself is suspect
    // (a replica report older than the seal reads as a short replica): deleting every copy
    // would lose the extent, and a corrupt replica still holds its good blocks.
    if ((state === 'corrupt' || state === 'wrong-length') && healthy.length > 0)
      actions.push({ kind: 'delete', extentId: extent.extentId, nodeId, reason: state });
  }
  // A node that did not answer this poll may be fine: wait for a clearer view before copying.
  const undecided = [...states.values()].filter((state) => state === 'unknown').length;
  const wanted = view.replicaCount - healthy.length - undecided;
  const source = [...states].find(([, state]) => state === 'healthy')?.[0];
  if (wanted <= 0 || !source) return actions;
  const unhealthy = [...states]
    .filter(([, state]) => state === 'dead' || state === 'missing' || state === 'corrupt' || state === 'wrong-length')
    .map(([nodeId]) => nodeId);
  const usedDomains = new Set(healthy.map((nodeId) => live.get(nodeId)?.faultDomain));
  const candidates = view.liveNodes
    .filter((node) => !extent.replicas.includes(node.nodeId) && !node.full && view.reports.has(node.nodeId))
    .sort((a, b) => Number(usedDomains.has(a.faultDomain)) - Number(usedDomains.has(b.faultDomain)) || (b.freeBytes ?? 0) - (a.freeBytes ?? 0));
  const replaced = [...unhealthy];
  for (let i = 0; i < wanted && i < candidates.length; i++) {
    const target = candidates[i]!;
    usedDomains.add(target.faultDomain);
    const replaces = replaced.shift();
    actions.push({
      kind: 'copy',
      extentId: extent.extentId,
      fromNodeId: source,
      toNodeId: target.nodeId,
      lengthBytes: extent.sealedLengthBytes,
      ...(replaces ? { replaces } : {}),
    });
  }
  // With no node left outside the replica set (a stamp of exactly replicaCount nodes), a live
  // member whose replica is gone (deleted as corrupt or of the wrong length) gets a copy in
  // place; otherwise the extent would stay short of replicas for good.
  const inPlace = replaced.filter((nodeId) => states.get(nodeId) === 'missing' && !live.get(nodeId)?.full);
  for (let i = candidates.length; i < wanted && inPlace.length > 0; i++) {
    const nodeId = inPlace.shift()!;
    actions.push({ kind: 'copy', extentId: extent.extentId, fromNodeId: source, toNodeId: nodeId, lengthBytes: extent.sealedLengthBytes, replaces: nodeId });
  }
  return actions;
}
