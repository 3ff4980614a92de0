import { rethrowIfAssertion, type Clock, type Failpoints, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { NodeView } from '../client/node-directory.js';
import type { ExtentNodeApi, ExtentNodes } from '../transport/extent-node-api.js';
import { StreamError } from '../errors.js';
import { NODE_CONTROL_TIMEOUT_MS } from '../limits.js';
import type { ExtentRecord, MetadataStore } from './metadata-store.js';
import { memberState, planRepairs, type RepairAction } from './repair-planner.js';

/** Replica copies running at once: repair must not starve foreground traffic. */
const COPIES_IN_FLIGHT_MAX = 4;
/** Deadline of one copy, per MiB (plus the control deadline). */
const COPY_TIMEOUT_PER_MIB_MS = 1_000;

/** The stream manager's named failure points (armed with --failpoints). */
export type StreamManagerFailpoint = 'streamManager.beforeRecordCopy';

export interface RepairerDeps {
  metadata: MetadataStore;
  directory: NodeView;
  nodes: ExtentNodes;
  replicaCount: number;
  clock: Clock;
  log: Logger;
  graceMs: number;
  failpoints: Failpoints<StreamManagerFailpoint>;
}

const control = { timeoutMs: NODE_CONTROL_TIMEOUT_MS };

/**
 * The driver around the repair planner: each `round` (the leading manager's `repair` worker)
 * polls every live extent node for its replicas, plans, and carries the plan out — cutting
 * over-long replicas of sealed extents, deleting replicas that should not exist, and copying
 * healthy replicas until every sealed extent is back at full count. A standby that takes over
 * simply starts polling: all state is in etcd and on the nodes.
 */
export class Repairer {
  private readonly copying = new Map<string, Promise<void>>();
  private reports: ReadonlyMap<string, readonly streamV1.ReplicaState__Output[]> = new Map();

  constructor(private readonly deps: RepairerDeps) {}

  /** One poll, plan and (for everything but copies, which run on) execution. */
  async round(): Promise<void> {
    // Extents, then the replicas' reports, then streams. Reports after extents: a seal recorded
    // after a report was taken would make that replica look short and get it deleted, while a
    // seal after the extents were read only leaves the extent unsealed to this round, which
    // repairs nothing unsealed. Streams after extents: an extent is recorded in the same
    // transaction as the stream that lists it, so every extent read here is listed in what the
    // streams read sees, unless released since. A share or hold after the streams read changes
    // the extent's record, which the condemnation checks against what was read here.
    const extents = await this.deps.metadata.allExtents();
    const liveNodes = this.deps.directory.liveNodes();
    const polled = await Promise.all(
      liveNodes.map(async (node) => {
        // A node that does not answer is "unknown" to the planner, which then waits for a clearer view.
        const reply = await this.deps.nodes
          .at(node)
          .listReplicas(control)
          .catch((error: unknown) => {
            rethrowIfAssertion(error);
            this.deps.log.warn({ nodeId: node.nodeId, err: error }, 'repair poll of a node failed');
            return undefined;
          });
        return [node.nodeId, reply?.replicas] as const;
      }),
    );
    this.reports = new Map(polled.filter((entry): entry is readonly [string, streamV1.ReplicaState__Output[]] => entry[1] !== undefined));
    const streams = await this.deps.metadata.allStreams();
    const referenced = new Set(streams.flatMap((stream) => stream.extentIds));
    const actions = planRepairs({
      extents,
      referenced,
      liveNodes,
      reports: this.reports,
      replicaCount: this.deps.replicaCount,
      nowMs: this.deps.clock.nowMs(),
      graceMs: this.deps.graceMs,
    });
    await Promise.all(actions.filter((action) => action.kind !== 'copy').map((action) => this.execute(action)));
    for (const action of actions) {
      if (action.kind !== 'copy' || this.copying.has(action.extentId) || this.copying.size >= COPIES_IN_FLIGHT_MAX) continue;
      // Copies run on past the round (they move whole extents); the next rounds skip their extents.
      const copy = this.execute(action).finally(() => this.copying.delete(action.extentId));
      this.copying.set(action.extentId, copy);
    }
  }

  private async execute(action: RepairAction): Promise<void> {
    try {
      switch (action.kind) {
        case 'seal':
          await this.onNode(action.nodeId, (node) => node.sealReplica({ extentId: action.extentId, lengthBytes: action.lengthBytes }, control));
          break;
        case 'delete':
          await this.onNode(action.nodeId, (node) => node.deleteReplica({ extentId: action.extentId }, control));
          break;
        case 'copy':
          await this.copy(action);
          break;
        case 'condemn':
          await this.deps.metadata.condemnExtent(action.seen, this.deps.clock.nowMs());
          break;
        case 'forget':
          await this.deps.metadata.forgetExtent(action.extentId);
          break;
      }
      if (action.kind !== 'copy') this.deps.log.info({ ...action }, `repair: ${action.kind}`);
    } catch (error) {
      rethrowIfAssertion(error);
      this.deps.log.warn({ ...action, err: error }, `repair: ${action.kind} failed`);
    }
  }

  private async copy(action: Extract<RepairAction, { kind: 'copy' }>): Promise<void> {
    const started = this.deps.clock.monotonicMs();
    const from = this.deps.directory.nodeOf(action.fromNodeId);
    const source = { nodeId: action.fromNodeId, address: from?.address ?? '', dataAddress: from?.dataAddress ?? '' };
    const extent = await this.deps.metadata.extent(action.extentId);
    const replicas = [...extent.replicas.filter((nodeId) => nodeId !== action.replaces), action.toNodeId].map((nodeId) => ({ nodeId }));
    const context = { timeoutMs: NODE_CONTROL_TIMEOUT_MS + Math.ceil(action.lengthBytes / 1048576) * COPY_TIMEOUT_PER_MIB_MS };
    await this.onNode(action.toNodeId, (node) => node.copyReplica({ extentId: action.extentId, lengthBytes: action.lengthBytes, source, replicas }, context));
    await this.deps.failpoints.hit('streamManager.beforeRecordCopy');
    await this.deps.metadata.replaceReplica({
      extentId: action.extentId,
      add: action.toNodeId,
      countMax: this.deps.replicaCount,
      ...(action.replaces ? { replaces: action.replaces } : {}),
    });
    const ms = this.deps.clock.monotonicMs() - started;
    this.deps.log.info({ ...action, bytes: action.lengthBytes, ms }, 'repair: replica re-replicated');
  }

  private onNode<Reply>(nodeId: string, call: (node: ExtentNodeApi) => Promise<Reply>): Promise<Reply> {
    const node = this.deps.directory.nodeOf(nodeId);
    if (!node) return Promise.reject(new StreamError('UNAVAILABLE', `extent node ${nodeId} is not registered`));
    return call(this.deps.nodes.at(node));
  }

  /** The shortest length the last poll saw among the extent's replicas (0 if none reported). */
  reportedLength(extent: ExtentRecord): number {
    const lengths = extent.replicas.flatMap(
      (nodeId) =>
        this.reports
          .get(nodeId)
          ?.filter((r) => r.extentId === extent.extentId)
          .map((r) => r.lengthBytes) ?? [],
    );
    return lengths.length > 0 ? Math.min(...lengths) : 0;
  }

  /** Whether the last poll saw this member of the extent's replica set whole and clean. */
  healthy(extent: ExtentRecord, nodeId: string): boolean {
    return memberState(extent, nodeId, { reports: this.reports, liveNodes: this.deps.directory.liveNodes() }) === 'healthy';
  }

  /** Waits for the copies still running (a stopping manager lets them finish or fail). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.copying.values()]);
  }
}
