import {
  type RoleContext,
  type RunningRole,
  campaign,
  ClientPool,
  Failpoints,
  type Leadership,
  configFields,
  connectEtcd,
  etcdConfigFields,
  startGrpcServer,
  z,
} from '@strata/common';
import { extentNodeProto, streamManagerProto } from '@strata/protos';
import { NodeDirectory } from '../client/node-directory.js';
import { streamKeys } from '../etcd-keys.js';
import { MANAGER_LEASE_TTL_SECONDS, REPLICA_COUNT_DEFAULT } from '../limits.js';
import { MetadataStore } from '../stream-manager/metadata-store.js';
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
export async function startStreamManager({ config, log, random, clock }: RoleContext<z.infer<typeof streamManagerSchema>>): Promise<RunningRole> {
  const etcd = connectEtcd(config.etcd);
  const directory = await NodeDirectory.open({ etcd, prefix: config.etcdPrefix, log });
  const nodes = new ClientPool(extentNodeProto().ExtentNode);
  // The server must listen before campaigning (its address is the campaign's value).
  const election: { leadership?: Leadership } = {};
  const isLeader = (): boolean => election.leadership?.isLeader() ?? false;
  const metadata = new MetadataStore(etcd, config.etcdPrefix, async () => election.leadership?.leaderKey());
  const repairer = new Repairer({
    metadata,
    directory,
    nodes,
    replicaCount: config.replicaCount,
    isLeader,
    clock,
    log,
    intervalMs: config.repairIntervalMs,
    graceMs: config.garbageGraceMs,
    failpoints: new Failpoints<StreamManagerFailpoint>(config.failpoints),
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
  repairer.start();
  return {
    address: server.address,
    info: { nodeId: config.nodeId },
    stop: async () => {
      await repairer.stop();
      await leadership.resign();
      await server.stop();
      nodes.close();
      await directory.close();
      etcd.close();
    },
  };
}
