import { ClientPool, configFields, connectEtcd, etcdConfigFields, registerWithLease, runRole, startGrpcServer, z } from '@strata/common';
import { extentNodeProto } from '@strata/protos';
import { NodeDirectory } from '../client/node-directory.js';
import { streamKeys, type NodeRecord } from '../etcd-keys.js';
import { ExtentStore } from '../extent-node/extent-store.js';
import { extentNodeHandlers } from '../extent-node/service.js';
import { NODE_LEASE_TTL_SECONDS } from '../limits.js';

const schema = z.object({
  nodeId: configFields.id(),
  dataDir: z.string().min(1),
  listen: configFields.address().default('127.0.0.1:0'),
  faultDomain: z.string().min(1).optional(),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

await runRole({
  role: 'extent-node',
  schema,
  start: async ({ config, log, clock }) => {
    const etcd = connectEtcd(config.etcd);
    const store = await ExtentStore.open({ dataDir: config.dataDir, clock, log });
    const directory = await NodeDirectory.open({ etcd, prefix: config.etcdPrefix, log });
    const proto = extentNodeProto();
    const peers = new ClientPool(proto.ExtentNode);
    const server = await startGrpcServer({
      address: config.listen,
      services: [{ definition: proto.ExtentNode.service, handlers: extentNodeHandlers({ nodeId: config.nodeId, store, directory, peers, log }) }],
    });
    const record: NodeRecord = { nodeId: config.nodeId, address: server.address, faultDomain: config.faultDomain ?? config.nodeId };
    const registration = await registerWithLease({
      client: etcd,
      key: streamKeys(config.etcdPrefix).node(config.nodeId),
      value: JSON.stringify(record),
      ttlSeconds: NODE_LEASE_TTL_SECONDS,
      log,
    });
    return {
      address: server.address,
      info: { nodeId: config.nodeId, faultDomain: record.faultDomain },
      readiness: () => (registration.isHeld() ? undefined : 'not registered in etcd'),
      stop: async () => {
        await registration.close();
        await server.stop();
        peers.close();
        await directory.close();
        await store.close();
        etcd.close();
      },
    };
  },
});
