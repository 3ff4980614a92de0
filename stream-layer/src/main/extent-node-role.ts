import { join } from 'node:path';
import {
  type RoleContext,
  type RunningRole,
  type BackgroundWorker,
  anyPortOn,
  ignoreError,
  Failpoints,
  configFields,
  connectEtcd,
  etcdConfigFields,
  registerWithLease,
  startGrpcServer,
  z,
} from '@strata/common';
import { NodeDirectory } from '../client/node-directory.js';
import { streamKeys, type NodeRecord } from '../etcd-keys.js';
import type { ExtentNodeFailpoint } from '../extent-node/extent-file.js';
import { ExtentNodeService } from '../extent-node/extent-node-service.js';
import { ExtentStore } from '../extent-node/extent-store.js';
import { startBlockServer } from '../transport/block/block-server.js';
import { NetworkExtentNodes } from '../transport/network-extent-nodes.js';
import { localDisk } from '../extent-node/replica-disk.js';
import { levelReplicaMetaStore } from '../extent-node/replica-meta-store.js';
import { extentNodeDefinition, extentNodeHandlers } from '../extent-node/service.js';
import { CapacityMonitor } from '../extent-node/capacity-monitor.js';
import { Scrubber } from '../extent-node/scrubber.js';
import { CAPACITY_CHECK_INTERVAL_MS, EXTENT_BYTES_MAX, NODE_LEASE_TTL_SECONDS } from '../limits.js';

/** The extent node's config: flags, `STRATA_*` environment or a JSON file (see common/config.ts). */
export const extentNodeSchema = z.object({
  nodeId: configFields.id(),
  dataDir: z.string().min(1),
  listen: configFields.address().default('127.0.0.1:0'),
  /**
   * Where the block transport listens (appends and reads of blob bytes); found by others through
   * etcd. By default the host of `listen` on a port the OS picks, so a node reachable at its
   * gRPC address (another container, another pod) is reachable at its data address too.
   */
  dataListen: configFields.address().optional(),
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
export async function startExtentNode({ config, log, clock, workers }: RoleContext<z.infer<typeof extentNodeSchema>>): Promise<RunningRole> {
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
  const nodes = new NetworkExtentNodes(clock);
  // The capacity worker exists once registered; until then a write failure has nothing to report to.
  const capacity: { monitor?: CapacityMonitor; worker?: BackgroundWorker } = {};
  const service = new ExtentNodeService({
    nodeId: config.nodeId,
    store,
    nodeOf: (nodeId) => directory.nodeOf(nodeId),
    nodes,
    log,
    isFull: () => capacity.monitor?.full ?? false,
    // The worker logs a failed measurement itself.
    onWriteFailure: () => void capacity.worker?.runNow().catch(ignoreError),
  });
  const server = await startGrpcServer({ address: config.listen, services: [{ definition: extentNodeDefinition(), handlers: extentNodeHandlers(service) }] });
  const blocks = await startBlockServer({ address: config.dataListen ?? anyPortOn(config.listen), service, log });
  const record: NodeRecord = { nodeId: config.nodeId, address: server.address, dataAddress: blocks.address, faultDomain: config.faultDomain ?? config.nodeId };
  const registration = await registerWithLease({
    client: etcd,
    key: streamKeys(config.etcdPrefix).node(config.nodeId),
    value: JSON.stringify(record),
    ttlSeconds: NODE_LEASE_TTL_SECONDS,
    log,
    clock,
  });
  const monitor = new CapacityMonitor({ record, registration, disk, fullBelowBytes: config.fullBelowBytes, log });
  capacity.monitor = monitor;
  capacity.worker = workers.start({ name: 'capacity', intervalMs: CAPACITY_CHECK_INTERVAL_MS, runAtStart: true, run: () => monitor.measure() });
  const scrubber = new Scrubber({ store, clock, log, rateBytesPerSecond: config.scrubMibPerSecond * 1024 * 1024 });
  const scrub = workers.start({ name: 'scrub', intervalMs: config.scrubIntervalMs, run: (signal) => scrubber.pass(signal) });
  return {
    address: server.address,
    info: { nodeId: config.nodeId, faultDomain: record.faultDomain, dataAddress: blocks.address },
    readiness: () => (registration.isHeld() ? undefined : 'not registered in etcd'),
    stop: async () => {
      await workers.stop(capacity.worker!);
      await workers.stop(scrub);
      await registration.close();
      await blocks.close();
      await server.stop();
      nodes.close();
      await directory.close();
      await store.close();
      etcd.close();
    },
  };
}
