import { campaign, ClientPool, type Leadership, configFields, connectEtcd, etcdConfigFields, runRole, startGrpcServer, z } from '@strata/common';
import { extentNodeProto, streamManagerProto } from '@strata/protos';
import { NodeDirectory } from '../client/node-directory.js';
import { streamKeys } from '../etcd-keys.js';
import { MANAGER_LEASE_TTL_SECONDS, REPLICA_COUNT_DEFAULT } from '../limits.js';
import { MetadataStore } from '../stream-manager/metadata-store.js';
import { streamManagerHandlers } from '../stream-manager/service.js';
import { StreamManager } from '../stream-manager/stream-manager.js';

const schema = z.object({
  nodeId: configFields.id().default('sm-1'),
  listen: configFields.address().default('127.0.0.1:0'),
  replicaCount: z.coerce.number().int().min(1).max(7).default(REPLICA_COUNT_DEFAULT),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

await runRole({
  role: 'stream-manager',
  schema,
  start: async ({ config, log, random }) => {
    const etcd = connectEtcd(config.etcd);
    const directory = await NodeDirectory.open({ etcd, prefix: config.etcdPrefix, log });
    const nodes = new ClientPool(extentNodeProto().ExtentNode);
    const manager = new StreamManager({
      metadata: new MetadataStore(etcd, config.etcdPrefix),
      directory,
      nodes,
      replicaCount: config.replicaCount,
      random,
      log,
    });
    // The server must listen before campaigning (its address is the campaign's value).
    const election: { leadership?: Leadership } = {};
    const server = await startGrpcServer({
      address: config.listen,
      services: [{ definition: streamManagerProto().StreamManager.service, handlers: streamManagerHandlers(manager, () => election.leadership?.isLeader() ?? false) }],
    });
    const leadership = campaign({ client: etcd, name: streamKeys(config.etcdPrefix).managerElection, value: server.address, ttlSeconds: MANAGER_LEASE_TTL_SECONDS, log });
    election.leadership = leadership;
    return {
      address: server.address,
      info: { nodeId: config.nodeId },
      stop: async () => {
        await leadership.resign();
        await server.stop();
        nodes.close();
        await directory.close();
        etcd.close();
      },
    };
  },
});
