import { Failpoints, StrataError, Workers, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { NodeView } from '../client/node-directory.js';
import type { NodeAddress } from '../transport/extent-node-api.js';
import type { StreamManagerApi } from '../client/stream-manager-client.js';
import type { NodeRecord } from '../etcd-keys.js';
import { StreamError } from '../errors.js';
import { ExtentNodeService } from '../extent-node/extent-node-service.js';
import type { ExtentNodeFailpoint } from '../extent-node/extent-file.js';
import { ExtentStore } from '../extent-node/extent-store.js';
import { MANAGER_CALL_TIMEOUT_MS } from '../limits.js';
import { MetadataStore } from '../stream-manager/metadata-store.js';
import { Repairer } from '../stream-manager/repairer.js';
import { StreamManager } from '../stream-manager/stream-manager.js';
import type { Prng } from './prng.js';
import { SimDisk } from './sim-disk.js';
import { SimKv } from './sim-kv.js';
import { SimExtentNodes, SimNetwork, type SimNodeRegistry } from './sim-network.js';
import { SimProcess, type SimWorld } from './world.js';

/** The etcd prefix of the simulated stamp. */
export const SIM_PREFIX = '/sim';

/** How long a dead extent node stays registered (its lease), and a dead leader leads. */
const LEASE_MS = 3_000;

/** How long a standby waits after the leader's lease ran out before it leads (its campaign). */
const ELECTION_MS = 200;

export interface ClusterShape {
  extentNodes: number;
  faultDomains: number;
  streamManagers: number;
  replicaCount: number;
  repairIntervalMs: number;
}

export interface SimNode {
  nodeId: string;
  address: string;
  faultDomain: string;
  process: SimProcess;
  disk: SimDisk;
  /** A pause between an append's write and its sync on this node (0: none). */
  syncDelayMs: number;
  service?: ExtentNodeService;
  downSinceMs?: number;
}

export interface SimManager {
  process: SimProcess;
  /** Bumped at each start: a restarted manager's old transactions belong to an old term. */
  term: number;
  manager?: StreamManager;
  repairer?: Repairer;
  workers?: Workers;
  downSinceMs?: number;
}

/**
 * A stamp's stream layer in the simulation: extent nodes (the real ExtentStore and
 * ExtentNodeService on simulated disks), stream managers (the real StreamManager and
 * Repairer over the simulated etcd, one leading), and the directory that says which nodes are
 * live, lagging a crash by a lease as etcd's does. Processes crash, restart and pause; their
 * code is the production code.
 */
export class SimCluster implements SimNodeRegistry, NodeView {
  readonly nodes = new Map<string, SimNode>();
  readonly managers: SimManager[] = [];
  readonly network: SimNetwork;
  readonly kv: SimKv;
  private electing = false;

  constructor(
    readonly world: SimWorld,
    private readonly random: Prng,
    readonly shape: ClusterShape,
    private readonly faults: { network: SimNetwork; kv: SimKv; diskErrorRate: number; diskLatencyMs: () => number },
    private readonly log: Logger,
  ) {
    this.network = faults.network;
    this.kv = faults.kv;
    for (let i = 1; i <= shape.extentNodes; i++) {
      const nodeId = `en-${i}`;
      const process = new SimProcess(nodeId);
      const disk = new SimDisk(world, process, random.fork(`disk-${nodeId}`), { latencyMs: faults.diskLatencyMs, errorRate: faults.diskErrorRate });
      const syncDelayMs = random.chance(0.5) ? random.between(1, 5) : 0;
      this.nodes.set(nodeId, { nodeId, address: `sim://${nodeId}`, faultDomain: `fd-${(i % shape.faultDomains) + 1}`, process, disk, syncDelayMs });
    }
    for (let i = 1; i <= shape.streamManagers; i++) this.managers.push({ process: new SimProcess(`sm-${i}`), term: 0 });
  }

  /** Starts every process; resolves once every extent node has opened its store (run the world meanwhile). */
  start(): Promise<void> {
    for (const manager of this.managers) this.startManager(manager);
    this.elect();
    return Promise.all([...this.nodes.values()].map((node) => this.startNode(node))).then(() => undefined);
  }

  // --- the node directory (what the stream manager and chain nodes see) ---

  private registered(node: SimNode): boolean {
    return node.process.up || (node.downSinceMs !== undefined && this.world.nowMs - node.downSinceMs < LEASE_MS);
  }

  addressOf(nodeId: string): string | undefined {
    const node = this.nodes.get(nodeId);
    return node && this.registered(node) ? node.address : undefined;
  }

  liveNodes(): NodeRecord[] {
    return [...this.nodes.values()]
      .filter((node) => this.registered(node))
      .map((node) => ({ nodeId: node.nodeId, address: node.address, faultDomain: node.faultDomain }));
  }

  nodeOf(nodeId: string): NodeAddress | undefined {
    const address = this.addressOf(nodeId);
    // One address for both: the simulation's network carries control calls and appends alike.
    return address ? { address, dataAddress: address } : undefined;
  }

  processAt(address: string): SimProcess | undefined {
    return [...this.nodes.values()].find((node) => node.address === address)?.process;
  }

  serviceAt(address: string): ExtentNodeService | undefined {
    return [...this.nodes.values()].find((node) => node.address === address)?.service;
  }

  // --- extent nodes ---

  private async startNode(node: SimNode): Promise<void> {
    const clock = this.world.clockFor(node.process);
    const log = this.log.child({ process: node.nodeId });
    // Some nodes take a while between writing an append and syncing it (a busy thread pool),
    // which is where a freeze can land between the two.
    const failpoints = new Failpoints<ExtentNodeFailpoint>(node.syncDelayMs > 0 ? `extentNode.beforeSync=delay:${node.syncDelayMs}` : undefined, clock);
    const store = await ExtentStore.open({ disk: node.disk, meta: node.disk.metaStore(), clock, log, failpoints });
    node.service = new ExtentNodeService({
      nodeId: node.nodeId,
      store,
      nodeOf: (nodeId) => this.nodeOf(nodeId),
      nodes: new SimExtentNodes(this.network, node.process, this),
      log,
      isFull: () => false,
      onWriteFailure: () => undefined,
    });
    delete node.downSinceMs;
  }

  crashNode(node: SimNode): void {
    this.world.note(`crash ${node.nodeId}`);
    this.world.crash(node.process);
    this.network.crashed(node.process);
    node.disk.crash();
    delete node.service;
    node.downSinceMs = this.world.nowMs;
  }

  restartNode(node: SimNode): void {
    if (node.process.up) return;
    this.world.note(`restart ${node.nodeId}`);
    this.world.restart(node.process);
    // Starting reads the disk: the node answers "starting" until its store is open.
    this.world.schedule(node.process, 0, () => void this.startNode(node));
  }

  // --- stream managers ---

  private startManager(entry: SimManager): void {
    entry.term++;
    const process = entry.process;
    const clock = this.world.clockFor(process);
    const log = this.log.child({ process: process.id });
    const metadata = new MetadataStore(
      this.kv.clientFor(process, () => entry.term),
      SIM_PREFIX,
    );
    const nodes = new SimExtentNodes(this.network, process, this);
    const repairer = new Repairer({
      metadata,
      directory: this,
      nodes,
      replicaCount: this.shape.replicaCount,
      clock,
      log,
      graceMs: 60_000,
      failpoints: new Failpoints(undefined, clock),
    });
    entry.repairer = repairer;
    entry.manager = new StreamManager({
      metadata,
      directory: this,
      nodes,
      replicaCount: this.shape.replicaCount,
      random: this.random.fork(`placement-${process.id}-${entry.term}`),
      clock,
      log,
      healthy: (extent, nodeId) => repairer.healthy(extent, nodeId),
      reportedLength: (extent) => repairer.reportedLength(extent),
    });
    entry.workers = new Workers({ clock, log });
    entry.workers.start({
      name: 'repair',
      intervalMs: this.shape.repairIntervalMs,
      inactiveReason: () => (this.isLeader(entry) ? undefined : 'not leader'),
      run: () => repairer.round(),
    });
    delete entry.downSinceMs;
  }

  isLeader(entry: SimManager): boolean {
    return this.kv.leader?.process === entry.process && this.kv.leader.term === entry.term;
  }

  leader(): SimManager | undefined {
    return this.managers.find((entry) => this.isLeader(entry));
  }

  crashManager(entry: SimManager): void {
    this.world.note(`crash ${entry.process.id}`);
    this.world.crash(entry.process);
    this.network.crashed(entry.process);
    entry.downSinceMs = this.world.nowMs;
    delete entry.manager;
    delete entry.repairer;
    delete entry.workers;
    // Its leadership lasts until its lease runs out; then a live manager is elected.
    if (this.kv.leader?.process === entry.process) this.world.schedule(undefined, LEASE_MS + ELECTION_MS, () => this.elect());
  }

  restartManager(entry: SimManager): void {
    if (entry.process.up) return;
    this.world.note(`restart ${entry.process.id}`);
    this.world.restart(entry.process);
    this.startManager(entry);
    this.elect();
  }

  /** Gives leadership to a live manager when the current leader is down (or none leads). */
  private elect(): void {
    const current = this.kv.leader;
    if (current && current.process.up && this.managers.some((entry) => this.isLeader(entry))) return;
    if (current && !current.process.up) {
      const entry = this.managers.find((candidate) => candidate.process === current.process);
      if (entry?.downSinceMs !== undefined && this.world.nowMs - entry.downSinceMs < LEASE_MS) return;
    }
    const candidate = this.managers.find((entry) => entry.process.up);
    this.kv.leader = candidate ? { process: candidate.process, term: candidate.term } : undefined;
    if (candidate) this.world.note(`${candidate.process.id} leads (term ${candidate.term})`);
  }

  /**
   * The stream manager as a writer in `caller` reaches it: calls go to the leader over the
   * network and are retried on a standby or a failure until MANAGER_CALL_TIMEOUT_MS, as the
   * real client does.
   */
  managerClient(caller: SimProcess): StreamManagerApi & { createStream(name: string): Promise<streamV1.StreamInfo__Output> } {
    const clock = this.world.clockFor(caller);
    const call = async <Reply>(handle: (manager: StreamManager) => Promise<Reply>): Promise<Reply> => {
      const deadline = clock.monotonicMs() + MANAGER_CALL_TIMEOUT_MS;
      for (let attempt = 0; ; attempt++) {
        const target = this.leader() ?? this.managers[attempt % this.managers.length]!;
        try {
          return await this.network.unary(caller, target.process, { timeoutMs: Math.max(1, deadline - clock.monotonicMs()) }, async () => {
            if (!this.isLeader(target) || !target.manager) throw new StreamError('NOT_LEADER', `${target.process.id} is a standby`);
            return handle(target.manager);
          });
        } catch (error) {
          const retryable = error instanceof StrataError && ['NOT_LEADER', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'].includes(error.code);
          if (!retryable || clock.monotonicMs() >= deadline) throw error;
          await clock.sleep(Math.min(1_000, 50 * 2 ** attempt));
        }
      }
    };
    return {
      createStream: (name) => call(async (manager) => asOutput(await manager.createStream(name))),
      getStream: (streamId) => call(async (manager) => asOutput(await manager.streamInfo(streamId))),
      sealExtent: (streamId, extentId, writer) => call(async (manager) => asOutput(await manager.sealExtent(streamId, extentId, writer))),
    };
  }
}

function asOutput(info: streamV1.StreamInfo): streamV1.StreamInfo__Output {
  return JSON.parse(JSON.stringify(info)) as streamV1.StreamInfo__Output;
}
