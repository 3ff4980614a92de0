import {
  type RoleContext,
  type RunningRole,
  campaign,
  rethrowIfAssertion,
  warnDropped,
  type Leadership,
  configFields,
  connectEtcd,
  etcdConfigFields,
  startGrpcServer,
  z,
} from '@strata/common';
import { partitionManagerProto } from '@strata/protos';
import { StreamManagerClient } from '@strata/stream-layer';
import { partitionKeys } from '../etcd-keys.js';
import { GcSwitch } from '../gc/gc-switch.js';
import { GC_LIVE_RATIO_MIN_DEFAULT, MANAGER_LEASE_TTL_SECONDS } from '../limits.js';
import { GcCoordinator } from '../partition-manager/gc-coordinator.js';
import { PartitionManager } from '../partition-manager/partition-manager.js';
import { PartitionOperator } from '../partition-manager/partition-operator.js';
import { partitionManagerHandlers } from '../partition-manager/service.js';

/** The partition manager's config: flags, `STRATA_*` environment or a JSON file (see common/config.ts). */
export const partitionManagerSchema = z.object({
  nodeId: configFields.id().default('pm-1'),
  listen: configFields.address().default('127.0.0.1:0'),
  /** Split a partition holding more index entries than this. */
  splitEntries: z.coerce.number().int().min(2).default(2_000_000),
  /** Merge adjacent cold partitions that each hold fewer entries than this. */
  mergeEntries: z.coerce.number().int().min(0).default(200_000),
  /** Below this many requests per second a partition counts as cold. */
  coldOperationsPerSecond: z.coerce.number().min(0).default(10),
  /** Pause between the manager's split/merge/balance decisions (the paper: 15 s). */
  policyIntervalMs: z.coerce.number().int().min(100).default(15_000),
  /** Whether the manager splits, merges and moves partitions by itself. */
  autoBalance: z.boolean().default(true),
  /** Space reclamation: pause between background collection rounds. */
  gcIntervalMs: z.coerce.number().int().min(100).default(60_000),
  /** An extent whose live bytes fall below this share of its length is compacted. */
  gcLiveRatioMin: z.coerce.number().min(0).max(1).default(GC_LIVE_RATIO_MIN_DEFAULT),
  /** Start with background collection paused (until `strata gc resume`); an operator's pause or resume, kept in etcd, wins. */
  gcPaused: z.boolean().default(false),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

/**
 * The partition manager's composition root: builds its parts from `config` and starts them. Its process
 * runs it through `runRole` (partition-manager.ts); tests run several roles in one process with it.
 */
export async function startPartitionManager({ config, log, clock, workers }: RoleContext<z.infer<typeof partitionManagerSchema>>): Promise<RunningRole> {
  const etcd = connectEtcd(config.etcd);
  const streams = new StreamManagerClient({ etcd, prefix: config.etcdPrefix, clock, log });
  const election: { leadership?: Leadership } = {};
  const manager = new PartitionManager({ etcd, prefix: config.etcdPrefix, streams, log, leaderKey: async () => election.leadership?.leaderKey() });
  const operator = new PartitionOperator({
    manager,
    clock,
    log,
    workers,
    policy: { splitEntries: config.splitEntries, mergeEntries: config.mergeEntries, coldOperationsPerSecond: config.coldOperationsPerSecond },
    intervalMs: config.policyIntervalMs,
    automatic: config.autoBalance,
  });
  const gcSwitch = await GcSwitch.open({ etcd, prefix: config.etcdPrefix, clock, log, pausedByDefault: config.gcPaused });
  const gc = new GcCoordinator({
    manager,
    streams,
    etcd,
    prefix: config.etcdPrefix,
    gcSwitch,
    clock,
    log,
    workers,
    intervalMs: config.gcIntervalMs,
    liveRatioMin: config.gcLiveRatioMin,
  });
  // The server must listen before campaigning (its address is the campaign's value).
  const isLeader = (): boolean => election.leadership?.isLeader() ?? false;
  // Taking over needs the stream manager and extent nodes (to create the first partition's
  // streams), which may still be starting: keep trying while elected.
  const takeOver = async (): Promise<void> => {
    for (let attempt = 0; isLeader(); attempt++) {
      try {
        await manager.lead();
        return;
      } catch (error) {
        rethrowIfAssertion(error);
        log.warn({ err: error, attempt }, 'partition manager take-over failed; retrying');
        await manager.stepDown().catch(warnDropped(log, 'step down after a failed take-over failed'));
        await clock.sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  };
  const server = await startGrpcServer({
    address: config.listen,
    services: [{ definition: partitionManagerProto().PartitionManager.service, handlers: partitionManagerHandlers(manager, operator, gc, isLeader) }],
  });
  const leadership = campaign({
    client: etcd,
    name: partitionKeys(config.etcdPrefix).managerElection,
    value: server.address,
    ttlSeconds: MANAGER_LEASE_TTL_SECONDS,
    log,
    onElected: () => void takeOver(),
    onDeposed: () => void manager.stepDown().catch(warnDropped(log, 'step down failed')),
  });
  election.leadership = leadership;
  return {
    address: server.address,
    info: { nodeId: config.nodeId },
    stop: async () => {
      await operator.close();
      await gc.close();
      await gcSwitch.close();
      await leadership.resign();
      await manager.stepDown();
      await server.stop();
      streams.close();
      etcd.close();
    },
  };
}
