import {
  type RoleContext,
  type RunningRole,
  campaign,
  Failpoints,
  type Leadership,
  configFields,
  connectEtcd,
  etcdConfigFields,
  startGrpcServer,
  z,
} from '@strata/common';
import { streamManagerProto } from '@strata/protos';
import { NodeDirectory } from '../client/node-directory.js';
import { streamKeys } from '../etcd-keys.js';
import { MANAGER_LEASE_TTL_SECONDS, REPLICA_COUNT_DEFAULT } from '../limits.js';
import { etcdMetadataKv } from '../stream-manager/metadata-kv.js';
import { MetadataStore } from '../stream-manager/metadata-store.js';
import { NetworkExtentNodes } from '../transport/network-extent-nodes.js';
import { Repairer, type StreamManagerFailpoint } from '../stream-manager/repairer.js';
import { streamManagerHandlers } from '../stream-manager/service.js';
import { StreamManager } from '../stream-manager/stream-manager.js';

/** The stream manager's config: flags, `STRATA_*` environment or a JSON file (see common/config.ts). */
export const streamManagerSchema = z.object({
  nodeId: configFields.id().default('sm-1'),
  listen: configFields.address().default('127.0.0.1:0'),
  replicaCount: z.coerce.number().int().min(1).max(7).default(REPLICA_COUNT_DEFAULT),
  /** Pause between repair polls of the extent nodes. */
  repairIntervalMs: z.coerce.number().int().min(100).default(2_000),
  /** Age before an unrecorded replica or unreferenced extent counts as garbage. */
  garbageGraceMs: z.coerce.number().int().min(0).default(300_000),
  /** Named failure points to arm, for tests: `name=crash|error|delay:MS;...`. */
  failpoints: z.string().default(''),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

/**
 * The stream manager's composition root: builds its parts from `config` and starts them. Its process
 * runs it through `runRole` (stream-manager.ts); tests run several roles in one process with it.
 */
export async function startStreamManager({ config, log, random, clock, workers }: RoleContext<z.infer<typeof streamManagerSchema>>): Promise<RunningRole> {
  const etcd = connectEtcd(config.etcd);
  const directory = await NodeDirectory.open({ etcd, prefix: config.etcdPrefix, log });
  const nodes = new NetworkExtentNodes();
  // The server must listen before campaigning (its address is the campaign's value).
  const election: { leadership?: Leadership } = {};
  const isLeader = (): boolean => election.leadership?.isLeader() ?? false;
  const metadata = new MetadataStore(
    etcdMetadataKv(etcd, async () => election.leadership?.leaderKey()),
    config.etcdPrefix,
  );
  const repairer = new Repairer({
    metadata,
    directory,
    nodes,
    replicaCount: config.replicaCount,
    clock,
    log,
    graceMs: config.garbageGraceMs,
    failpoints: new Failpoints<StreamManagerFailpoint>(config.failpoints, clock),
  });
  const manager = new StreamManager({
    metadata,
    directory,
    nodes,
    replicaCount: config.replicaCount,
    random,
    clock,
    log,
    healthy: (extent, nodeId) => repairer.healthy(extent, nodeId),
    reportedLength: (extent) => repairer.reportedLength(extent),
  });
  const server = await startGrpcServer({
    address: config.listen,
    services: [{ definition: streamManagerProto().StreamManager.service, handlers: streamManagerHandlers(manager, isLeader) }],
  });
  const leadership = campaign({
    client: etcd,
    name: streamKeys(config.etcdPrefix).managerElection,
    value: server.address,
    ttlSeconds: MANAGER_LEASE_TTL_SECONDS,
    log,
  });
  election.leadership = leadership;
  const repair = workers.start({
    name: 'repair',
    intervalMs: config.repairIntervalMs,
    inactiveReason: () => (isLeader() ? undefined : 'not leader'),
    run: () => repairer.round(),
  });
  return {
    address: server.address,
    info: { nodeId: config.nodeId },
    stop: async () => {
      await workers.stop(repair);
      await repairer.settled();
      await leadership.resign();
      await server.stop();
      nodes.close();
      await directory.close();
      etcd.close();
    },
  };
}
