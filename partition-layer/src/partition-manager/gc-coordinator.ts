import type * as grpc from '@grpc/grpc-js';
import {
  callMetadata,
  callOptions,
  ClientPool,
  errorMessage,
  ignoreError,
  rethrowIfAssertion,
  unary,
  type BackgroundWorker,
  type Clock,
  type Etcd3,
  type Logger,
  type Workers,
} from '@strata/common';
import { partitionServerProto, type partitionV1, type streamV1 } from '@strata/protos';
import type { StreamManagerClient } from '@strata/stream-layer';
import { PartitionError } from '../errors.js';
import { planCompactions, type CompactionPlan } from '../gc/gc-planner.js';
import type { GcSwitch } from '../gc/gc-switch.js';
import { accountSpace, type ExtentSpace, type StampSpace } from '../gc/space-accounting.js';
import { deleteUsages, readUsages } from '../gc/usage-reports.js';
import { COMPACTION_CALL_TIMEOUT_MS, GC_COMPACTIONS_IN_FLIGHT_MAX, GC_OPEN_EXTENT_BYTES_MIN, ORPHAN_HOLD_GRACE_MS, USAGE_CALL_TIMEOUT_MS } from '../limits.js';
import type { PartitionManager } from './partition-manager.js';

export interface GcCoordinatorDeps {
  manager: PartitionManager;
  streams: StreamManagerClient;
  etcd: Etcd3;
  prefix: string;
  gcSwitch: GcSwitch;
  clock: Clock;
  log: Logger;
  workers: Workers;
  intervalMs: number;
  liveRatioMin: number;
}

/**
 * Space reclamation's driver, on the leading partition manager: every `intervalMs` (its
 * background job `gc-round`, skipped while paused or not leading) and on `strata gc run`, it plans from the partitions' published usages and the
 * stream manager's extents (gc-planner.ts), has each owning server compact its partitions, and
 * drops holds whose holder left the map. Rounds run one at a time. All its state is in etcd
 * and the usages, so a standby that takes over simply runs the next round.
 */
export class GcCoordinator {
  private readonly servers = new ClientPool(partitionServerProto().PartitionServer);
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private lastRound: partitionV1.GcRound | undefined;
  private readonly worker: BackgroundWorker;

  constructor(private readonly deps: GcCoordinatorDeps) {
    this.worker = deps.workers.start({
      name: 'gc-round',
      intervalMs: deps.intervalMs,
      inactiveReason: () =>
        !this.deps.manager.leading ? 'not leading' : this.deps.gcSwitch.paused ? 'paused' : this.running ? 'a round asked for is running' : undefined,
      run: async () => {
        await this.serially(() => this.round(false));
      },
    });
  }

  /** Runs a round now with fresh usages (see PartitionManager.GcRun); refused while paused. */
  run(): Promise<partitionV1.GcRound> {
    if (this.deps.gcSwitch.paused)
      return Promise.reject(new PartitionError('INVALID_ARGUMENT', 'space reclamation is paused; resume it first (strata gc resume)'));
    return this.serially(() => this.round(true));
  }

  async pause(paused: boolean): Promise<partitionV1.GcState> {
    await this.deps.gcSwitch.set(paused);
    this.deps.log.info({ paused }, paused ? 'space reclamation paused' : 'space reclamation resumed');
    return { ...(await this.status()), paused };
  }

  async status(): Promise<partitionV1.GcState> {
    const { stamp } = await this.space();
    return {
      paused: this.deps.gcSwitch.paused,
      liveRatioMin: this.deps.liveRatioMin,
      intervalMs: this.deps.intervalMs,
      running: this.running,
      ...(this.lastRound ? { lastRound: this.lastRound } : {}),
      space: stamp,
    };
  }

  /** The stamp's space now, extent by extent. */
  async space(): Promise<{ extents: ExtentSpace[]; stamp: StampSpace }> {
    const [streams, held, usages] = await Promise.all([
      this.deps.streams.listStreams(),
      this.deps.streams.heldExtents(),
      readUsages(this.deps.etcd, this.deps.prefix),
    ]);
    return accountSpace({ streams, held, partitions: this.deps.manager.partitions(), usages, liveRatioMin: this.deps.liveRatioMin });
  }

  private async round(fresh: boolean): Promise<partitionV1.GcRound> {
    this.running = true;
    const started = this.deps.clock.monotonicMs();
    const round = {
      startedMs: this.deps.clock.nowMs(),
      durationMs: 0,
      partitions: 0,
      extentsPlanned: 0,
      extentsReleased: 0,
      recordsRewritten: 0,
      bytesRewritten: 0,
      holdsDropped: 0,
      errors: [] as string[],
    };
    try {
      if (fresh) await this.refreshUsages(round.errors);
      const [streams, held, usages] = await Promise.all([
        this.deps.streams.listStreams(),
        this.deps.streams.heldExtents(),
        readUsages(this.deps.etcd, this.deps.prefix),
      ]);
      const partitions = this.deps.manager.partitions();
      const extents = new Map<string, streamV1.ExtentInfo__Output>([...streams.flatMap((s) => s.extents), ...held].map((extent) => [extent.extentId, extent]));
      const plans = planCompactions({
        partitions,
        extents,
        streams: new Map(streams.map((s) => [s.streamId, s])),
        usages,
        liveRatioMin: this.deps.liveRatioMin,
        openExtentBytesMin: GC_OPEN_EXTENT_BYTES_MIN,
      });
      round.partitions = plans.length;
      round.extentsPlanned = plans.reduce((sum, plan) => sum + plan.extentIds.length, 0);
      await this.compactAll(plans, partitions, round);
      round.holdsDropped = await this.dropOrphanHolds(held, partitions);
      const gone = [...usages.keys()].filter((id) => !partitions.some((p) => p.partitionId === id));
      await deleteUsages(this.deps.etcd, this.deps.prefix, gone);
    } finally {
      this.running = false;
    }
    round.durationMs = Math.round(this.deps.clock.monotonicMs() - started);
    this.lastRound = round;
    this.deps.log.info({ ...round }, 'collection round finished');
    return round;
  }

  /** Asks every live server to scan its partitions now; a server that fails is noted and its last usages are used. */
  private async refreshUsages(errors: string[]): Promise<void> {
    await Promise.all(
      this.deps.manager.liveServerIds().map((serverId) =>
        this.onServer<partitionV1.ReportUsageResponse__Output>(serverId, USAGE_CALL_TIMEOUT_MS, (client, md, options, done) =>
          client.reportUsage({}, md, options, done),
        ).catch((error: unknown) => {
          rethrowIfAssertion(error);
          errors.push(`${serverId}: usage not scanned: ${errorMessage(error)}`);
        }),
      ),
    );
  }

  private async compactAll(
    plans: CompactionPlan[],
    partitions: readonly partitionV1.Partition__Output[],
    round: { extentsReleased: number; recordsRewritten: number; bytesRewritten: number; errors: string[] },
  ): Promise<void> {
    const pending = [...plans];
    const worker = async (): Promise<void> => {
      for (let plan = pending.shift(); plan; plan = pending.shift()) {
        const owner = partitions.find((p) => p.partitionId === plan!.partitionId)?.ownerId ?? '';
        const { partitionId, extentIds } = plan;
        try {
          const result = await this.onServer<partitionV1.CompactPartitionResponse__Output>(owner, COMPACTION_CALL_TIMEOUT_MS, (client, md, options, done) =>
            client.compactPartition({ partitionId, extentIds }, md, options, done),
          );
          round.extentsReleased += result.releasedExtentIds.length;
          round.recordsRewritten += Number(result.recordsRewritten);
          round.bytesRewritten += Number(result.bytesRewritten);
        } catch (error) {
          rethrowIfAssertion(error);
          round.errors.push(`${partitionId}: ${errorMessage(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: GC_COMPACTIONS_IN_FLIGHT_MAX }, worker));
  }

  /** Drops holds whose holder is no partition of the map (a retired parent, a split that never committed), once old enough. */
  private async dropOrphanHolds(held: readonly streamV1.ExtentInfo__Output[], partitions: readonly partitionV1.Partition__Output[]): Promise<number> {
    const inMap = new Set(partitions.map((p) => p.partitionId));
    const now = this.deps.clock.nowMs();
    let dropped = 0;
    for (const extent of held) {
      for (const hold of extent.holds.filter((h) => !inMap.has(h.holder) && now - h.heldMs > ORPHAN_HOLD_GRACE_MS)) {
        await this.deps.streams.releaseHolds(hold.holder, [extent.extentId]);
        dropped++;
      }
    }
    return dropped;
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation);
    // The caller gets the error; the queue only orders the rounds.
    this.queue = run.then(() => undefined, ignoreError);
    return run;
  }

  private onServer<Reply>(
    serverId: string,
    timeoutMs: number,
    invoke: (
      client: partitionV1.PartitionServerClient,
      md: grpc.Metadata,
      options: grpc.CallOptions,
      done: (error: grpc.ServiceError | null, reply?: Reply) => void,
    ) => void,
  ): Promise<Reply> {
    const address = this.deps.manager.serverAddress(serverId);
    if (!address) return Promise.reject(new PartitionError('UNAVAILABLE', `partition server ${serverId} is not live`));
    const context = { timeoutMs };
    return unary<Reply>((done) => invoke(this.servers.get(address), callMetadata(context), callOptions(context), done));
  }

  async close(): Promise<void> {
    await this.deps.workers.stop(this.worker);
    this.servers.close();
  }
}
