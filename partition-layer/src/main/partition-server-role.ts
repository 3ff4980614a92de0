import {
  type RoleContext,
  type RunningRole,
  configFields,
  connectEtcd,
  Failpoints,
  etcdConfigFields,
  registerWithLease,
  startCallServer,
  startGrpcServer,
  anyPortOn,
  systemRandom,
  z,
  type Registration,
} from '@strata/common';
import { partitionServerProto } from '@strata/protos';
import { EXTENT_BYTES_MAX as EXTENT_SIZE_MAX_BYTES_DEFAULT, ExtentReader, extentNodeClients, NodeDirectory, StreamManagerClient } from '@strata/stream-layer';
import { partitionKeys, type ServerRecord } from '../etcd-keys.js';
import type { CompactionFailpoint } from '../gc/compactor.js';
import type { CheckpointFailpoint } from '../partition-server/commit/checkpointer.js';
import { GcSwitch } from '../gc/gc-switch.js';
import { RateLimiter } from '../gc/rate-limiter.js';
import { UsagePublisher } from '../gc/usage-publisher.js';
import { GC_MIB_PER_SECOND_DEFAULT, SERVER_LEASE_TTL_SECONDS, UPLOAD_EXPIRY_MS_DEFAULT } from '../limits.js';
import { PartitionHost } from '../partition-server/ownership/partition-host.js';
import type { PartitionOperationFailpoint } from '../partition-server/ownership/partition-operations.js';
import { CALL_METHODS, partitionServerHandlers } from '../partition-server/service.js';
import type { UploadFailpoint } from '../partition-server/uploads/partition-uploads.js';

/** The partition server's config: flags, `STRATA_*` environment or a JSON file (see common/config.ts). */
export const partitionServerSchema = z.object({
  nodeId: configFields.id(),
  dataDir: z.string().min(1),
  listen: configFields.address().default('127.0.0.1:0'),
  /**
   * Where the call transport listens (GetBlob without gRPC; found by front-ends through etcd).
   * By default the host of `listen` on a port the OS picks.
   */
  callListen: configFields.address().optional(),
  /** Extents of the partitions' streams are sealed at this size (the paper uses 1 GB). */
  extentSizeMaxBytes: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .default(EXTENT_SIZE_MAX_BYTES_DEFAULT),
  /** Incomplete multipart uploads older than this are removed with their parts. */
  multipartExpiryMs: z.coerce.number().int().min(1_000).default(UPLOAD_EXPIRY_MS_DEFAULT),
  /** Named failure points to arm, for tests: `name=crash|error|delay:MS;...`. */
  failpoints: z.string().default(''),
  /** Space reclamation: the rate at which this server's compactions copy live blocks, all together. */
  gcMibPerSecond: z.coerce.number().positive().default(GC_MIB_PER_SECOND_DEFAULT),
  /** How often each partition's usage is scanned and published (only when its index changed). */
  gcReportIntervalMs: z.coerce.number().int().min(100).default(60_000),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

/**
 * The partition server's composition root: builds its parts from `config` and starts them. Its process
 * runs it through `runRole` (partition-server.ts); tests run several roles in one process with it.
 */
export async function startPartitionServer({ config, log, clock, workers }: RoleContext<z.infer<typeof partitionServerSchema>>): Promise<RunningRole> {
  const etcd = connectEtcd(config.etcd);
  const nodes = extentNodeClients();
  const directory = await NodeDirectory.open({ etcd, prefix: config.etcdPrefix, log });
  const manager = new StreamManagerClient({ etcd, prefix: config.etcdPrefix, clock, log });
  const failpoints = new Failpoints<PartitionOperationFailpoint | CompactionFailpoint | UploadFailpoint | CheckpointFailpoint>(config.failpoints);
  const gcSwitch = await GcSwitch.open({ etcd, prefix: config.etcdPrefix, clock, log, pausedByDefault: false });
  // The lease exists once registered (after the host starts); until then nothing is served.
  const lease: { registration?: Registration } = {};
  const host = new PartitionHost({
    gcLimiter: new RateLimiter(config.gcMibPerSecond * 1024 * 1024, clock),
    gcPaused: () => gcSwitch.paused,
    failpoints,
    leaseValidForMs: () => lease.registration?.validForMs() ?? 0,
    serverId: config.nodeId,
    etcd,
    prefix: config.etcdPrefix,
    manager,
    nodes,
    reader: new ExtentReader(nodes),
    directory,
    clock,
    log,
    dataDir: config.dataDir,
    extentBytesMax: config.extentSizeMaxBytes,
    random: systemRandom,
    uploadExpiryMs: config.multipartExpiryMs,
    workers,
  });
  const usage = new UsagePublisher({
    partitions: () => host.loaded(),
    etcd,
    prefix: config.etcdPrefix,
    intervalMs: config.gcReportIntervalMs,
    clock,
    log,
    workers,
  });
  const handlers = partitionServerHandlers(
    host,
    {
      serverId: config.nodeId,
      etcd,
      prefix: config.etcdPrefix,
      manager,
      writerDeps: { manager, nodes, clock, log, extentBytesMax: config.extentSizeMaxBytes },
      clock,
      log,
      failpoints,
    },
    usage,
  );
  const server = await startGrpcServer({
    address: config.listen,
    services: [{ definition: partitionServerProto().PartitionServer.service, handlers }],
  });
  const calls = await startCallServer({
    address: config.callListen ?? anyPortOn(config.listen),
    definition: partitionServerProto().PartitionServer.service,
    handlers,
    methods: CALL_METHODS,
    log,
  });
  // Serve before registering: the manager assigns partitions to registered servers only.
  await host.start();
  usage.start();
  const record: ServerRecord = { serverId: config.nodeId, address: server.address, callAddress: calls.address };
  const registration = await registerWithLease({
    client: etcd,
    key: partitionKeys(config.etcdPrefix).server(config.nodeId),
    value: JSON.stringify(record),
    ttlSeconds: SERVER_LEASE_TTL_SECONDS,
    log,
    clock,
    // Another server may own our partitions by now: drop them all, and load again only what
    // the map (read fresh from etcd) still gives us.
    onLost: () => host.unloadAll('lease lost'),
  });
  lease.registration = registration;
  return {
    address: server.address,
    info: { nodeId: config.nodeId },
    readiness: () => (registration.isHeld() ? host.readiness() : 'not registered in etcd'),
    stop: async () => {
      await usage.stop();
      // Stop serving before the lease goes: its revocation lets the manager give our
      // partitions away at once, with no wait for us (we no longer serve by then).
      await server.stop();
      await calls.close();
      await registration.close();
      await host.stop();
      await gcSwitch.close();
      manager.close();
      nodes.close();
      await directory.close();
      etcd.close();
    },
  };
}
