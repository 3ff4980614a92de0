import {
  callMetadata,
  callOptions,
  ClientPool,
  ignoreError,
  rethrowIfAssertion,
  unary,
  warnDropped,
  type BackgroundWorker,
  type Clock,
  type Logger,
  type Workers,
} from '@strata/common';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { PartitionError } from '../errors.js';
import { nextAction, type BalancerAction, type BalancerPolicy, type PartitionLoad } from './balancer.js';
import type { PartitionManager } from './partition-manager.js';

/** A split or merge quiesces partitions while it checkpoints and creates streams: give it time. */
const OPERATION_TIMEOUT_MS = 120_000;
const STATS_TIMEOUT_MS = 5_000;

/**
 * Splits, merges and moves partitions — on an operator's request, and by itself from the
 * partitions' sizes and loads (a policy round every `intervalMs` while this manager leads: its
 * background job `policy-round`).
 * One operation at a time; splits and merges run on the owning server, which commits them
 * in the map itself.
 */
export class PartitionOperator {
  private readonly servers = new ClientPool(partitionServerProto().PartitionServer);
  private queue: Promise<unknown> = Promise.resolve();
  private readonly worker: BackgroundWorker | undefined;

  constructor(
    private readonly deps: {
      manager: PartitionManager;
      clock: Clock;
      log: Logger;
      workers: Workers;
      policy: BalancerPolicy;
      intervalMs: number;
      automatic: boolean;
    },
  ) {
    if (deps.automatic) {
      this.worker = deps.workers.start({
        name: 'policy-round',
        intervalMs: deps.intervalMs,
        inactiveReason: () => (this.deps.manager.leading ? undefined : 'not leading'),
        run: async () => {
          await this.serially(() => this.policyRound());
        },
      });
    }
  }

  split(partitionId: string, splitKey: string): Promise<partitionV1.PartitionChange__Output> {
    return this.serially(async () => {
      const owner = this.owner(partitionId);
      return this.onServerRetrying<partitionV1.PartitionChange__Output>(owner.ownerId, (client, md, options, done) =>
        client.splitPartition({ partitionId, splitKey }, md, options, done),
      );
    });
  }

  /** Merges two adjacent partitions, first moving the right one to the left one's server if needed. */
  merge(leftPartitionId: string, rightPartitionId: string): Promise<partitionV1.PartitionChange__Output> {
    return this.serially(async () => {
      const left = this.owner(leftPartitionId);
      const right = this.owner(rightPartitionId);
      if (right.ownerId !== left.ownerId) await this.moveNow(rightPartitionId, left.ownerId);
      return this.onServerRetrying<partitionV1.PartitionChange__Output>(left.ownerId, (client, md, options, done) =>
        client.mergePartitions({ leftPartitionId, rightPartitionId }, md, options, done),
      );
    });
  }

  move(partitionId: string, serverId: string): Promise<partitionV1.PartitionChange__Output> {
    return this.serially(() => this.moveNow(partitionId, serverId));
  }

  private async moveNow(partitionId: string, serverId: string): Promise<partitionV1.PartitionChange__Output> {
    const started = this.deps.clock.monotonicMs();
    const from = this.owner(partitionId).ownerId;
    if (from === serverId) return { removed: [], added: [], durationMs: 0 };
    // A checkpoint first keeps the new owner's load short; a failed one only makes it longer.
    await this.onServer(from, OPERATION_TIMEOUT_MS, (client, md, options, done) => client.checkpointPartition({ partitionId }, md, options, done)).catch(
      warnDropped(this.deps.log, 'no checkpoint before a move; the new owner replays more log', { partitionId, serverId: from }),
    );
    await this.deps.manager.reassign(partitionId, from, serverId);
    return { removed: [], added: [partitionId], durationMs: Math.round(this.deps.clock.monotonicMs() - started) };
  }

  /** One policy decision and its execution. */
  async policyRound(): Promise<BalancerAction | undefined> {
    if (!this.deps.manager.leading) return undefined;
    const loads = await this.loads();
    const action = nextAction({
      partitions: this.deps.manager.partitions(),
      loads,
      liveServerIds: this.deps.manager.liveServerIds(),
      policy: this.deps.policy,
    });
    if (!action) return undefined;
    this.deps.log.info({ action }, 'partition policy acts');
    if (action.kind === 'split') {
      const owner = this.owner(action.partitionId);
      await this.onServer(owner.ownerId, OPERATION_TIMEOUT_MS, (client, md, options, done) =>
        client.splitPartition({ partitionId: action.partitionId, splitKey: '' }, md, options, done),
      );
    } else if (action.kind === 'merge') {
      const left = this.owner(action.leftPartitionId);
      if (this.owner(action.rightPartitionId).ownerId !== left.ownerId) await this.moveNow(action.rightPartitionId, left.ownerId);
      await this.onServerRetrying(left.ownerId, (client, md, options, done) =>
        client.mergePartitions({ leftPartitionId: action.leftPartitionId, rightPartitionId: action.rightPartitionId }, md, options, done),
      );
    } else {
      await this.moveNow(action.partitionId, action.serverId);
    }
    return action;
  }

  /** Every partition's size and load, from its server now. */
  async stats(): Promise<partitionV1.PartitionStat[]> {
    return [...(await this.loads())].map(([partitionId, load]) => ({ partitionId, entries: load.entries, operationsPerSecond: load.operationsPerSecond }));
  }

  private async loads(): Promise<Map<string, PartitionLoad>> {
    const loads = new Map<string, PartitionLoad>();
    await Promise.all(
      this.deps.manager.liveServerIds().map(async (serverId) => {
        const stats = await this.onServer<partitionV1.PartitionStatsResponse__Output>(serverId, STATS_TIMEOUT_MS, (client, md, options, done) =>
          client.partitionStats({}, md, options, done),
        ).catch(warnDropped(this.deps.log, 'partition server dropped from this balancing round: its partitions count as unknown', { serverId }));
        for (const stat of stats?.partitions ?? [])
          loads.set(stat.partitionId, { entries: Number(stat.entries), operationsPerSecond: stat.operationsPerSecond });
      }),
    );
    return loads;
  }

  private owner(partitionId: string): partitionV1.Partition__Output {
    const partition = this.deps.manager.partitions().find((p) => p.partitionId === partitionId);
    if (!partition) throw new PartitionError('INVALID_ARGUMENT', `no partition ${partitionId}`);
    return partition;
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation);
    // The caller gets the error; the queue only orders the operations.
    this.queue = run.then(() => undefined, ignoreError);
    return run;
  }

  private onServer<Reply>(serverId: string, timeoutMs: number, invoke: Invoke<Reply>): Promise<Reply> {
    const address = this.deps.manager.serverAddress(serverId);
    if (!address) return Promise.reject(new PartitionError('UNAVAILABLE', `partition server ${serverId} is not live`));
    const context = { timeoutMs };
    return unary<Reply>((done) => invoke(this.servers.get(address), callMetadata(context), callOptions(context), done));
  }

  /** For an operation on a partition that just moved: its new owner may still be loading it. */
  private async onServerRetrying<Reply>(serverId: string, invoke: Invoke<Reply>): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.onServer(serverId, OPERATION_TIMEOUT_MS, invoke);
      } catch (error) {
        rethrowIfAssertion(error);
        const code = (error as { code?: string }).code;
        if ((code !== 'PARTITION_LOADING' && code !== 'NOT_OWNER') || attempt >= 40) throw error;
        await this.deps.clock.sleep(250);
      }
    }
  }

  async close(): Promise<void> {
    if (this.worker) await this.deps.workers.stop(this.worker);
    this.servers.close();
  }
}

type Invoke<Reply> = (
  client: partitionV1.PartitionServerClient,
  metadata: import('@grpc/grpc-js').Metadata,
  options: import('@grpc/grpc-js').CallOptions,
  done: (error: import('@grpc/grpc-js').ServiceError | null, reply?: Reply) => void,
) => void;
