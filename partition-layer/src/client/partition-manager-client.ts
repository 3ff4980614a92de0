import type * as grpc from '@grpc/grpc-js';
import { callMetadata, callOptions, ClientPool, isStrataError, leaderOf, rethrowIfAssertion, systemClock, unary, type Clock, type Etcd3 } from '@strata/common';
import { partitionManagerProto, type partitionV1 } from '@strata/protos';
import { partitionKeys } from '../etcd-keys.js';
import { PartitionError } from '../errors.js';

/** A split or merge quiesces partitions while it runs: operators wait for it. */
const OPERATION_TIMEOUT_MS = 180_000;

/** A collection round waits for every partition's compaction call. */
const GC_RUN_TIMEOUT_MS = 60 * 60_000;

/**
 * How long a call looks for a leader: past a dead leader's lease (MANAGER_LEASE_TTL_SECONDS)
 * and the election after it, so an operator's command during a failover waits for the new
 * leader instead of failing.
 */
const LEADER_WAIT_MS = 20_000;

type Invoke<Reply> = (
  client: partitionV1.PartitionManagerClient,
  md: grpc.Metadata,
  options: grpc.CallOptions,
  done: (error: grpc.ServiceError | null, reply?: Reply) => void,
) => void;

/**
 * The typed client of the partition manager (the elected leader), for operators' tools. A call
 * that finds no leader, or a standby (NOT_LEADER: it did nothing), looks the leader up again
 * for up to LEADER_WAIT_MS; a read is also retried when the leader could not be reached. A
 * change is not: it may have been made, and doing it twice (a second split) is not the same.
 */
export class PartitionManagerClient {
  private readonly pool = new ClientPool(partitionManagerProto().PartitionManager);

  constructor(private readonly deps: { etcd: Etcd3; prefix: string; clock?: Clock }) {}

  map(): Promise<partitionV1.PartitionMap__Output> {
    return this.call(30_000, (client, md, options, done) => client.getPartitionMap({}, md, options, done), { read: true });
  }

  split(partitionId: string, splitKey = ''): Promise<partitionV1.PartitionChange__Output> {
    return this.call(OPERATION_TIMEOUT_MS, (client, md, options, done) => client.splitPartition({ partitionId, splitKey }, md, options, done));
  }

  merge(leftPartitionId: string, rightPartitionId: string): Promise<partitionV1.PartitionChange__Output> {
    return this.call(OPERATION_TIMEOUT_MS, (client, md, options, done) => client.mergePartitions({ leftPartitionId, rightPartitionId }, md, options, done));
  }

  move(partitionId: string, serverId: string): Promise<partitionV1.PartitionChange__Output> {
    return this.call(OPERATION_TIMEOUT_MS, (client, md, options, done) => client.movePartition({ partitionId, serverId }, md, options, done));
  }

  /** Space reclamation's state and the stamp's space figures. */
  gcStatus(): Promise<partitionV1.GcState__Output> {
    return this.call(30_000, (client, md, options, done) => client.gcStatus({}, md, options, done), { read: true });
  }

  /** Runs a collection round now and waits for it (a large round takes as long as its copies). */
  gcRun(): Promise<partitionV1.GcRound__Output> {
    return this.call(GC_RUN_TIMEOUT_MS, (client, md, options, done) => client.gcRun({}, md, options, done));
  }

  /** Pauses background collection (true) or resumes it (false). */
  gcPause(paused: boolean): Promise<partitionV1.GcState__Output> {
    return this.call(30_000, (client, md, options, done) => client.gcPause({ paused }, md, options, done));
  }

  private async call<Reply>(timeoutMs: number, invoke: Invoke<Reply>, { read = false } = {}): Promise<Reply> {
    const clock = this.deps.clock ?? systemClock;
    const retryable = read ? (['NOT_LEADER', 'UNAVAILABLE'] as const) : (['NOT_LEADER'] as const);
    const giveUpMs = clock.monotonicMs() + LEADER_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        const address = await leaderOf(this.deps.etcd, partitionKeys(this.deps.prefix).managerElection);
        if (!address) throw new PartitionError('NOT_LEADER', 'no partition manager is leader');
        const context = { timeoutMs };
        return await unary<Reply>((done) => invoke(this.pool.get(address), callMetadata(context), callOptions(context), done));
      } catch (error) {
        rethrowIfAssertion(error);
        if (!isStrataError(error, retryable) || clock.monotonicMs() >= giveUpMs) throw error;
        await clock.sleep(Math.min(1_000, 50 * 2 ** attempt));
      }
    }
  }

  close(): void {
    this.pool.close();
  }
}
