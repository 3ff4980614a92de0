import { callMetadata, callOptions, unary, type ClientPool, type Clock, type Failpoints, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { NodeDirectory } from '../client/node-directory.js';
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
  directory: NodeDirectory;
  nodes: ClientPool<streamV1.ExtentNodeClient>;
  replicaCount: number;
  isLeader: () => boolean;
  clock: Clock;
  log: Logger;
  intervalMs: number;
  graceMs: number;
  failpoints: Failpoints<StreamManagerFailpoint>;
}

const control = { timeoutMs: NODE_CONTROL_TIMEOUT_MS };

/**
 * The driver around the repair planner: while this manager leads, it polls every live extent
 * node for its replicas, plans, and carries the plan out — cutting over-long replicas of
 * sealed extents, deleting replicas that should not exist, and copying healthy replicas until
 * every sealed extent is back at full count. A standby that takes over simply starts polling:
 * all state is in etcd and on the nodes.
 */
export class Repairer {
  private stopped = false;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private readonly copying = new Set<string>();
  private reports: ReadonlyMap<string, readonly streamV1.ReplicaState__Output[]> = new Map();

  constructor(private readonly deps: RepairerDeps) {}

  start(): void {
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.deps.clock.sleep(this.deps.intervalMs, this.abort.signal);
        if (this.deps.isLeader()) await this.round();
      } catch (error) {
        if (!this.stopped) this.deps.log.warn({ err: error }, 'repair round failed');
      }
    }
  }

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
        const reply = await unary<streamV1.ListReplicasResponse__Output>((done) =>
          this.deps.nodes.get(node.address).listReplicas({}, callMetadata(control), callOptions(control), done),
        ).catch(() => undefined);
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
      this.copying.add(action.extentId);
      void this.execute(action).finally(() => this.copying.delete(action.extentId));
    }
  }

  private async execute(action: RepairAction): Promise<void> {
    try {
      switch (action.kind) {
        case 'seal':
          await this.onNode(action.nodeId, (client, done) =>
            client.sealReplica({ extentId: action.extentId, lengthBytes: action.lengthBytes }, callMetadata(control), callOptions(control), done),
          );
          break;
        case 'delete':
          await this.onNode(action.nodeId, (client, done) =>
            client.deleteReplica({ extentId: action.extentId }, callMetadata(control), callOptions(control), done),
          );
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
      this.deps.log.warn({ ...action, err: error }, `repair: ${action.kind} failed`);
    }
  }

  private async copy(action: Extract<RepairAction, { kind: 'copy' }>): Promise<void> {
    const started = this.deps.clock.monotonicMs();
    const source = { nodeId: action.fromNodeId, address: this.deps.directory.addressOf(action.fromNodeId) ?? '' };
    const extent = await this.deps.metadata.extent(action.extentId);
    const replicas = [...extent.replicas.filter((nodeId) => nodeId !== action.replaces), action.toNodeId].map((nodeId) => ({ nodeId }));
    const context = { timeoutMs: NODE_CONTROL_TIMEOUT_MS + Math.ceil(action.lengthBytes / 1048576) * COPY_TIMEOUT_PER_MIB_MS };
    await this.onNode(action.toNodeId, (client, done) =>
      client.copyReplica({ extentId: action.extentId, lengthBytes: action.lengthBytes, source, replicas }, callMetadata(context), callOptions(context), done),
    );
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

  private onNode<Reply>(
    nodeId: string,
    invoke: (client: streamV1.ExtentNodeClient, done: (error: import('@grpc/grpc-js').ServiceError | null, reply?: Reply) => void) => void,
  ): Promise<Reply> {
    const address = this.deps.directory.addressOf(nodeId);
    if (!address) return Promise.reject(new Error(`extent node ${nodeId} is not registered`));
    return unary<Reply>((done) => invoke(this.deps.nodes.get(address), done));
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

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
