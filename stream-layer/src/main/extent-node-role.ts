import { join } from 'node:path';
import {
  type RoleContext,
  type RunningRole,
  ClientPool,
  Failpoints,
  configFields,
  connectEtcd,
  etcdConfigFields,
  registerWithLease,
  startGrpcServer,
  z,
} from '@strata/common';
import { extentNodeProto } from '@strata/protos';
import { NodeDirectory } from '../client/node-directory.js';
import { streamKeys, type NodeRecord } from '../etcd-keys.js';
import type { ExtentNodeFailpoint } from '../extent-node/extent-file.js';
import { ExtentStore } from '../extent-node/extent-store.js';
import { localDisk } from '../extent-node/replica-disk.js';
import { levelReplicaMetaStore } from '../extent-node/replica-meta-store.js';
import { extentNodeDefinition, extentNodeHandlers } from '../extent-node/service.js';
import { CapacityMonitor } from '../extent-node/capacity-monitor.js';
import { Scrubber } from '../extent-node/scrubber.js';
import { EXTENT_BYTES_MAX, NODE_LEASE_TTL_SECONDS } from '../limits.js';

/** The extent node's config: flags, `STRATA_*` environment or a JSON file (see common/config.ts). */
export const extentNodeSchema = z.object({
  nodeId: configFields.id(),
  dataDir: z.string().min(1),
  listen: configFields.address().default('127.0.0.1:0'),
  faultDomain: z.string().min(1).optional(),
  /** Below this much free disk the node takes no new extents. */
  fullBelowBytes: z.coerce.number().int().min(0).default(EXTENT_BYTES_MAX),
  /** Pause between scrub passes over the sealed replicas. */
  scrubIntervalMs: z.coerce.number().int().min(100).default(600_000),
  /** Scrub read rate, so scrubbing never crowds out foreground reads. */
  scrubMibPerSecond: z.coerce.number().positive().default(64),
  /** Named failure points to arm, for tests: `name=crash|error|delay:MS;...`. */
  failpoints: z.string().default(''),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

/**
 * The extent node's composition root: builds its parts from `config` and starts them. Its process
 * runs it through `runRole` (extent-node.ts); tests run several roles in one process with it.
 */
export async function startExtentNode({ config, log, clock }: RoleContext<z.infer<typeof extentNodeSchema>>): Promise<RunningRole> {
  const etcd = connectEtcd(config.etcd);
  const disk = await localDisk(join(config.dataDir, 'extents'));
  const store = await ExtentStore.open({
    disk,
    meta: await levelReplicaMetaStore(join(config.dataDir, 'meta')),
    clock,
    log,
    failpoints: new Failpoints<ExtentNodeFailpoint>(config.failpoints, clock),
  });
  const directory = await NodeDirectory.open({ etcd, prefix: config.etcdPrefix, log });
  const proto = extentNodeProto();
  const peers = new ClientPool(proto.ExtentNode);
  // The capacity monitor exists once registered; until then a write failure has nothing to report to.
  const capacity: { monitor?: CapacityMonitor } = {};
  const server = await startGrpcServer({
    address: config.listen,
    services: [
      {
        definition: extentNodeDefinition(),
        handlers: extentNodeHandlers({
          nodeId: config.nodeId,
          store,
          directory,
          peers,
          log,
          isFull: () => capacity.monitor?.full ?? false,
          stats: { readCalls: 0, readBytes: 0 },
          onWriteFailure: () => void capacity.monitor?.check(),
        }),
      },
    ],
  });
  const record: NodeRecord = { nodeId: config.nodeId, address: server.address, faultDomain: config.faultDomain ?? config.nodeId };
  const registration = await registerWithLease({
    client: etcd,
    key: streamKeys(config.etcdPrefix).node(config.nodeId),
    value: JSON.stringify(record),
    ttlSeconds: NODE_LEASE_TTL_SECONDS,
    log,
  });
  capacity.monitor = new CapacityMonitor({
    record,
    registration,
    disk,
    fullBelowBytes: config.fullBelowBytes,
    intervalMs: 2_000,
    clock,
    log,
  });
  capacity.monitor.start();
  const scrubber = new Scrubber({ store, clock, log, intervalMs: config.scrubIntervalMs, rateBytesPerSecond: config.scrubMibPerSecond * 1024 * 1024 });
  scrubber.start();
  return {
    address: server.address,
    info: { nodeId: config.nodeId, faultDomain: record.faultDomain },
    readiness: () => (registration.isHeld() ? undefined : 'not registered in etcd'),
    stop: async () => {
      capacity.monitor?.stop();
      await scrubber.stop();
      await registration.close();
      await server.stop();
      peers.close();
      await directory.close();
      await store.close();
      etcd.close();
    },
  };
}
