import type * as grpc from '@grpc/grpc-js';
import { callMetadata, callOptions, ClientPool, leaderOf, unary, type Etcd3 } from '@strata/common';
import { partitionManagerProto, type partitionV1 } from '@strata/protos';
import { partitionKeys } from '../etcd-keys.js';
import { PartitionError } from '../errors.js';

/** A split or merge quiesces partitions while it runs: operators wait for it. */
const OPERATION_TIMEOUT_MS = 180_000;

/** A collection round waits for every partition's compaction call. */
const GC_RUN_TIMEOUT_MS = 60 * 60_000;

type Invoke<Reply> = (
  client: partitionV1.PartitionManagerClient,
  md: grpc.Metadata,
  options: grpc.CallOptions,
  done: (error: grpc.ServiceError | null, reply?: Reply) => void,
) => void;

/** The typed client of the partition manager (the elected leader), for operators' tools. */
export class PartitionManagerClient {
  private readonly pool = new ClientPool(partitionManagerProto().PartitionManager);

  constructor(private readonly deps: { etcd: Etcd3; prefix: string }) {}

  map(): Promise<partitionV1.PartitionMap__Output> {
    return this.call(30_000, (client, md, options, done) => client.getPartitionMap({}, md, options, done));
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
    return this.call(30_000, (client, md, options, done) => client.gcStatus({}, md, options, done));
  }

  /** Runs a collection round now and waits for it (a large round takes as long as its copies). */
  gcRun(): Promise<partitionV1.GcRound__Output> {
    return this.call(GC_RUN_TIMEOUT_MS, (client, md, options, done) => client.gcRun({}, md, options, done));
  }

  /** Pauses background collection (true) or resumes it (false). */
  gcPause(paused: boolean): Promise<partitionV1.GcState__Output> {
    return this.call(30_000, (client, md, options, done) => client.gcPause({ paused }, md, options, done));
  }

  private async call<Reply>(timeoutMs: number, invoke: Invoke<Reply>): Promise<Reply> {
    const address = await leaderOf(this.deps.etcd, partitionKeys(this.deps.prefix).managerElection);
    if (!address) throw new PartitionError('UNAVAILABLE', 'no partition manager is leader');
    const context = { timeoutMs };
    return unary<Reply>((done) => invoke(this.pool.get(address), callMetadata(context), callOptions(context), done));
  }

  close(): void {
    this.pool.close();
  }
}
