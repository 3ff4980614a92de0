import { campaign, type Leadership, configFields, connectEtcd, etcdConfigFields, runRole, startGrpcServer, z } from '@strata/common';
import { partitionManagerProto } from '@strata/protos';
import { StreamManagerClient } from '@strata/stream-layer';
import { partitionKeys } from '../etcd-keys.js';
import { MANAGER_LEASE_TTL_SECONDS } from '../limits.js';
import { PartitionManager } from '../partition-manager/partition-manager.js';
import { partitionManagerHandlers } from '../partition-manager/service.js';

const schema = z.object({
  nodeId: configFields.id().default('pm-1'),
  listen: configFields.address().default('127.0.0.1:0'),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

await runRole({
  role: 'partition-manager',
  schema,
  start: async ({ config, log, clock }) => {
    const etcd = connectEtcd(config.etcd);
    const streams = new StreamManagerClient({ etcd, prefix: config.etcdPrefix, clock, log });
    const manager = new PartitionManager({ etcd, prefix: config.etcdPrefix, streams, log });
    // The server must listen before campaigning (its address is the campaign's value).
    const election: { leadership?: Leadership } = {};
    const isLeader = (): boolean => election.leadership?.isLeader() ?? false;
    // Taking over needs the stream manager and extent nodes (to create the first partition's
    // streams), which may still be starting: keep trying while elected.
    const takeOver = async (): Promise<void> => {
      for (let attempt = 0; isLeader(); attempt++) {
        try {
          await manager.lead();
          return;
        } catch (error) {
          log.warn({ err: error, attempt }, 'partition manager take-over failed; retrying');
          await manager.stepDown();
          await clock.sleep(Math.min(2_000, 100 * 2 ** attempt));
        }
      }
    };
    const server = await startGrpcServer({
      address: config.listen,
      services: [{ definition: partitionManagerProto().PartitionManager.service, handlers: partitionManagerHandlers(manager, isLeader) }],
    });
    const leadership = campaign({
      client: etcd,
      name: partitionKeys(config.etcdPrefix).managerElection,
      value: server.address,
      ttlSeconds: MANAGER_LEASE_TTL_SECONDS,
      log,
      onElected: () => void takeOver(),
      onDeposed: () => void manager.stepDown(),
    });
    election.leadership = leadership;
    return {
      address: server.address,
      info: { nodeId: config.nodeId },
      stop: async () => {
        await leadership.resign();
        await manager.stepDown();
        await server.stop();
        streams.close();
        etcd.close();
      },
    };
  },
});
