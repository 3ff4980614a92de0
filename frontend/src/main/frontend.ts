import { configFields, connectEtcd, etcdConfigFields, runRole, z } from '@strata/common';
import { AccountDirectory } from '@strata/location-service';
import { PartitionClient, PartitionMap } from '@strata/partition-layer';
import { EXTENT_BYTES_MAX, ExtentReader, extentNodeClients, StreamManagerClient } from '@strata/stream-layer';
import { BlobDataStreams } from '../blob-data/blob-data-streams.js';
import { BlobCache } from '../cache/blob-cache.js';
import { RecordCache } from '../cache/record-cache.js';
import { probeReadiness } from '../readiness.js';
import { buildFrontEnd } from '../server.js';

/**
 * Blobs up to this size are cached whole and their concurrent GETs share one read; larger ones
 * stream from the extent nodes (a 1 MiB blob is one block).
 */
const BLOB_CACHE_ITEM_BYTES_MAX = 1024 * 1024;

/** Streams each front-end appends blob bytes to: two chains, so one slow head does not hold up every PUT. */
const BLOB_DATA_STREAMS = 2;

/** How often the front-end releases the sealed extents of its streams that no upload needs. */
const BLOB_DATA_SWEEP_INTERVAL_MS = 5_000;

/** How often a draining front-end closes the connections whose last request has finished. */
const IDLE_CLOSE_INTERVAL_MS = 100;

const schema = z.object({
  nodeId: configFields.id().default('fe-1'),
  /** The S3 endpoint's host:port. */
  listen: configFields.address().default('127.0.0.1:9480'),
  stampId: configFields.id().default('stamp-1'),
  /** The region name the stamp answers for (any region is accepted in signatures). */
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, 'expected a region name like us-east-1')
    .default('us-east-1'),
  /** Refuse signatures that name another region than `region` (S3's own behaviour); off by default, as clients guess regions. */
  strictRegion: z.boolean().default(false),
  /** The DNS domain of the stamp's accounts: Host `{account}.{domain}` (and `{bucket}.{account}.{domain}`) addresses them. */
  domain: z
    .string()
    .regex(/^([a-z0-9-]+\.)*[a-z0-9-]+$/, 'expected a DNS domain like strata.test')
    .or(z.literal(''))
    .default(''),
  /** The account unsigned path-style requests address (CORS preflights, public reads), if this stamp serves it. */
  defaultAccount: z.string().default(''),
  /**
   * Memory for hot blobs (each up to BLOB_CACHE_ITEM_BYTES_MAX), MiB, and an eighth more for
   * hot blob records under lease; 0 turns both caches (and read coalescing) off.
   */
  blobCacheMib: z.coerce.number().int().min(0).max(4096).default(64),
  /** An extent of the front-end's blob-data streams is sealed after this long, so deleted blobs in it can be reclaimed. */
  dataExtentRollMs: z.coerce.number().int().min(1_000).default(300_000),
  /** Extents of the front-end's blob-data streams are sealed at this size, as the partitions' are. */
  extentSizeMaxBytes: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .default(EXTENT_BYTES_MAX),
  ...etcdConfigFields('/strata/stamps/stamp-1'),
});

await runRole({
  role: 'front-end',
  schema,
  start: async ({ config, log, clock }) => {
    const etcd = connectEtcd(config.etcd);
    const accounts = await AccountDirectory.open({ etcd, stampPrefix: config.etcdPrefix, log });
    const map = await PartitionMap.open({ etcd, prefix: config.etcdPrefix, log, clock });
    const partitions = new PartitionClient(map, clock);
    const nodes = extentNodeClients();
    const streams = new StreamManagerClient({ etcd, prefix: config.etcdPrefix, clock, log });
    const blobData = new BlobDataStreams({
      manager: streams,
      nodes,
      clock,
      log,
      nodeId: config.nodeId,
      streams: BLOB_DATA_STREAMS,
      sweepIntervalMs: BLOB_DATA_SWEEP_INTERVAL_MS,
      rollAfterMs: config.dataExtentRollMs,
      extentBytesMax: config.extentSizeMaxBytes,
    });
    const app = buildFrontEnd({
      partitions,
      map,
      reader: new ExtentReader(nodes),
      blobs: new BlobCache({ capacityBytes: config.blobCacheMib * 1024 * 1024, itemBytesMax: BLOB_CACHE_ITEM_BYTES_MAX, clock }),
      records: new RecordCache({ partitions, clock, capacityBytes: (config.blobCacheMib * 1024 * 1024) / 8 }),
      blobData,
      accounts,
      region: config.region,
      ...(config.strictRegion ? { strictRegion: config.region } : {}),
      domain: config.domain,
      defaultAccount: config.defaultAccount,
      clock,
      log,
    });
    const separator = config.listen.lastIndexOf(':');
    await app.listen({ host: config.listen.slice(0, separator).replace(/^\[|\]$/g, ''), port: Number(config.listen.slice(separator + 1)) });
    const bound = app.server.address();
    const address = typeof bound === 'object' && bound ? `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}` : config.listen;
    return {
      address,
      info: { nodeId: config.nodeId, s3Endpoint: `http://${address}` },
      readiness: () => probeReadiness({ map, partitions }),
      stop: async () => {
        // fastify finishes the requests in flight, but a keep-alive connection whose request
        // finishes during the close would stay open until its timeout: close each as it idles.
        const idle = clock.every(IDLE_CLOSE_INTERVAL_MS, () => app.server.closeIdleConnections());
        await app.close().finally(() => idle.cancel());
        partitions.close();
        await blobData.close();
        streams.close();
        nodes.close();
        await map.close();
        await accounts.close();
        etcd.close();
      },
    };
  },
});
