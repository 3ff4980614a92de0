import { configFields, connectEtcd, etcdConfigFields, runRole, z } from '@strata/common';
import { LocationClient, STAMP_REPORT_INTERVAL_MS_DEFAULT, StampReporter } from '@strata/location-service';
import { extentNodeClients, StreamManagerClient } from '@strata/stream-layer';
import { streamUsageBytes } from '../reporter/stream-usage.js';

const schema = z.object({
  stampId: configFields.id(),
  /** The stamp's front-ends as clients reach them: what DNS answers for its accounts. */
  frontEnds: configFields.addresses(),
  /** The location service's gRPC endpoints (any instance takes reports). */
  locationService: configFields.addresses(),
  /** What the stamp may hold, raw bytes (every replica counted). */
  capacityBytes: configFields.positiveInt(),
  intervalMs: configFields.positiveInt().default(STAMP_REPORT_INTERVAL_MS_DEFAULT),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

/**
 * A stamp's reporter: registers the stamp with the location service and reports its
 * front-ends, capacity and use (measured from the stream layer) every interval.
 */
await runRole({
  role: 'stamp-reporter',
  schema,
  start: async ({ config, log, clock }) => {
    const etcd = connectEtcd(config.etcd);
    const manager = new StreamManagerClient({ etcd, prefix: config.etcdPrefix, clock, log });
    const nodes = extentNodeClients();
    const client = new LocationClient(config.locationService);
    const reporter = new StampReporter({
      client,
      stampId: config.stampId,
      frontEnds: config.frontEnds,
      measure: async () => ({ capacityBytes: config.capacityBytes, usedBytes: await streamUsageBytes({ manager, nodes, log }) }),
      intervalMs: config.intervalMs,
      clock,
      log,
    });
    await reporter.start();
    return {
      info: { stampId: config.stampId },
      stop: async () => {
        await reporter.stop();
        client.close();
        nodes.close();
        manager.close();
        etcd.close();
      },
    };
  },
});
