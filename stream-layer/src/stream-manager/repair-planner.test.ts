import { describe, expect, it } from 'vitest';
import type { streamV1 } from '@strata/protos';
import type { NodeRecord } from '../etcd-keys.js';
import type { ExtentRecord } from './metadata-store.js';
import { planRepairs, type ClusterView } from './repair-planner.js';

const NOW = 1_000_000;
const node = (nodeId: string, faultDomain = nodeId, extra: Partial<NodeRecord> = {}): NodeRecord => ({ nodeId, address: `${nodeId}:1`, faultDomain, ...extra });
const sealed = (extentId: string, replicas: string[], lengthBytes = 100): ExtentRecord => ({
  extentId,
  replicas,
  sealed: true,
  sealedLengthBytes: lengthBytes,
  createdMs: 0,
});
const replica = (extentId: string, lengthBytes = 100, extra: Partial<streamV1.ReplicaState__Output> = {}): streamV1.ReplicaState__Output => ({
  extentId,
  lengthBytes,
  sealed: true,
  frozen: true,
  corrupt: false,
  createdMs: 0,
  chain: [],
  ...extra,
});

function view(partial: Partial<ClusterView> & Pick<ClusterView, 'extents' | 'liveNodes' | 'reports'>): ClusterView {
  return { referenced: new Set(partial.extents.map((e) => e.extentId)), replicaCount: 3, nowMs: NOW, graceMs: 60_000, ...partial };
}

describe('planRepairs', () => {
  it('does nothing when every sealed extent has its replicas whole', () => {
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['c', [replica('e1')]],
    ]);
    expect(planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: [node('a'), node('b'), node('c'), node('d')], reports }))).toEqual([]);
  });

  it('copies from a healthy replica to a node in a new fault domain in place of a dead one', () => {
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['d', []],
      ['e', []],
    ]);
    const live = [node('a', 'r1'), node('b', 'r2'), node('d', 'r1'), node('e', 'r3')];
    expect(planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: live, reports }))).toEqual([
      { kind: 'copy', extentId: 'e1', fromNodeId: 'a', toNodeId: 'e', lengthBytes: 100, replaces: 'c' },
    ]);
  });

  it('copies in place onto a live member whose replica is gone when no other node is free (a three-node stamp)', () => {
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['c', []],
    ]);
    expect(planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: [node('a'), node('b'), node('c')], reports }))).toEqual([
      { kind: 'copy', extentId: 'e1', fromNodeId: 'a', toNodeId: 'c', lengthBytes: 100, replaces: 'c' },
    ]);
  });

  it('waits rather than copies while a member is live but did not answer the poll', () => {
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['d', []],
    ]);
    expect(planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: [node('a'), node('b'), node('c'), node('d')], reports }))).toEqual([]);
  });

  it('cuts an unsealed replica of a sealed extent to the sealed length, counting it healthy', () => {
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['c', [replica('e1', 150, { sealed: false })]],
    ]);
    expect(planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: [node('a'), node('b'), node('c')], reports }))).toEqual([
      { kind: 'seal', extentId: 'e1', nodeId: 'c', lengthBytes: 100 },
    ]);
  });

  it('drops a corrupt or short replica and copies a healthy one in its place', () => {
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1', 100, { corrupt: true })]],
      ['c', [replica('e1', 60, { sealed: false })]],
      ['d', []],
      ['e', []],
    ]);
    const actions = planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: ['a', 'b', 'c', 'd', 'e'].map((id) => node(id)), reports }));
    expect(actions).toContainEqual({ kind: 'delete', extentId: 'e1', nodeId: 'b', reason: 'corrupt' });
    expect(actions).toContainEqual({ kind: 'delete', extentId: 'e1', nodeId: 'c', reason: 'wrong-length' });
    const copies = actions.filter((a) => a.kind === 'copy');
    expect(copies).toHaveLength(2);
    expect(copies.every((c) => c.kind === 'copy' && c.fromNodeId === 'a' && ['d', 'e'].includes(c.toNodeId))).toBe(true);
  });

  it('never deletes the last copies: with no healthy replica, short and corrupt ones are kept', () => {
    // Reports taken before the seal's last appends arrived read as short replicas.
    const reports = new Map([
      ['a', [replica('e1', 60, { sealed: false })]],
      ['b', [replica('e1', 70, { sealed: false })]],
      ['c', [replica('e1', 100, { corrupt: true })]],
      ['d', []],
    ]);
    const actions = planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: ['a', 'b', 'c', 'd'].map((id) => node(id)), reports }));
    expect(actions.filter((a) => a.kind === 'delete')).toEqual([]);
  });

  it('never copies from, or to, a node that cannot hold it', () => {
    const reports = new Map([
      ['a', [replica('e1', 100, { corrupt: true })]],
      ['d', []],
      ['e', []],
    ]);
    const live = [node('a'), node('d', 'd', { full: true }), node('e')];
    // No healthy source: nothing to copy from, and the corrupt replica, the last copy, is kept
    // (reads skip its bad blocks and fail over; its good blocks are all there is).
    expect(planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: live, reports }))).toEqual([]);
    const healthy = new Map([
      ['a', [replica('e1')]],
      ['d', []],
      ['e', []],
    ]);
    const actions = planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: live, reports: healthy }));
    expect(actions.map((a) => (a.kind === 'copy' ? a.toNodeId : a.kind))).toEqual(['e']);
  });

  it('leaves unsealed extents to their writer', () => {
    const open: ExtentRecord = { extentId: 'e1', replicas: ['a', 'b', 'c'], sealed: false, sealedLengthBytes: 0, createdMs: 0 };
    const reports = new Map([
      ['a', [replica('e1', 50, { sealed: false })]],
      ['d', []],
    ]);
    expect(planRepairs(view({ extents: [open], liveNodes: [node('a'), node('d')], reports }))).toEqual([]);
  });

  it('deletes replicas no record lists, but only after the grace period', () => {
    const young = replica('e9', 10, { sealed: false, createdMs: NOW - 1_000 });
    const old = replica('e8', 10, { sealed: false, createdMs: NOW - 120_000 });
    const stale = replica('e1', 100, { createdMs: NOW - 120_000 });
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['c', [replica('e1')]],
      ['d', [young, old, stale]],
    ]);
    const actions = planRepairs(view({ extents: [sealed('e1', ['a', 'b', 'c'])], liveNodes: ['a', 'b', 'c', 'd'].map((id) => node(id)), reports }));
    expect(actions).toEqual([
      { kind: 'delete', extentId: 'e8', nodeId: 'd', reason: 'no such extent' },
      { kind: 'delete', extentId: 'e1', nodeId: 'd', reason: 'not in the replica set' },
    ]);
  });

  it('condemns an extent no stream lists, then a grace period later deletes its replicas and forgets it', () => {
    const extent = sealed('e1', ['a', 'b', 'c']);
    const live = ['a', 'b', 'c'].map((id) => node(id));
    const held = new Map([
      ['a', [replica('e1')]],
      ['b', []],
      ['c', []],
    ]);
    expect(planRepairs(view({ extents: [extent], referenced: new Set(), liveNodes: live, reports: held }))).toEqual([
      { kind: 'condemn', extentId: 'e1', seen: extent },
    ]);
    const young = { ...extent, condemnedMs: NOW - 1_000 };
    expect(planRepairs(view({ extents: [young], referenced: new Set(), liveNodes: live, reports: held }))).toEqual([]);
    const condemned = { ...extent, condemnedMs: NOW - 120_000 };
    expect(planRepairs(view({ extents: [condemned], referenced: new Set(), liveNodes: live, reports: held }))).toEqual([
      { kind: 'delete', extentId: 'e1', nodeId: 'a', reason: 'extent unreferenced' },
    ]);
    const gone = new Map([
      ['a', []],
      ['b', []],
      ['c', []],
    ]);
    expect(planRepairs(view({ extents: [condemned], referenced: new Set(), liveNodes: live, reports: gone }))).toEqual([{ kind: 'forget', extentId: 'e1' }]);
  });

  it('keeps and repairs an extent no stream lists while somebody holds it', () => {
    const extent = { ...sealed('e1', ['a', 'b', 'c']), holds: { 'p-7': NOW - 5_000 } };
    const reports = new Map([
      ['a', [replica('e1')]],
      ['b', [replica('e1')]],
      ['d', []],
    ]);
    const live = [node('a'), node('b'), node('d')];
    expect(planRepairs(view({ extents: [extent], referenced: new Set(), liveNodes: live, reports }))).toEqual([
      { kind: 'copy', extentId: 'e1', fromNodeId: 'a', toNodeId: 'd', lengthBytes: 100, replaces: 'c' },
    ]);
  });
});
