import { parseArgs } from 'node:util';
import { connectEtcd, rethrowIfAssertion, silentLogger, systemClock } from '@strata/common';
import { GC_LIVE_RATIO_MIN_DEFAULT, PartitionManagerClient, readSpace, type ExtentSpace } from '@strata/partition-layer';
import { StreamManagerClient } from '@strata/stream-layer';
import { humanBytes, printJson, printTable } from './output.js';
import { readStampFile } from './stamp-file.js';

/**
 * `strata extents [--json] [--data-dir DIR]`: every extent with its streams, length, live
 * bytes (what the partitions' indexes point at, from their last usage scans) and replicas,
 * then the stamp's live and stored bytes and garbage ratio. `--json` also lists every stream
 * with its extents, as the stream manager sees them.
 */
export async function extentsCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string', default: './data' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const stamp = readStampFile(values['data-dir']);
  const etcd = connectEtcd([stamp.etcdEndpoint]);
  const manager = new StreamManagerClient({ etcd, prefix: stamp.etcdPrefix, clock: systemClock, log: silentLogger() });
  const partitions = new PartitionManagerClient({ etcd, prefix: stamp.etcdPrefix });
  try {
    // The threshold is the partition manager's; without one answering, the default.
    const liveRatioMin = await partitions.gcStatus().then(
      (state) => state.liveRatioMin,
      (error: unknown) => {
        rethrowIfAssertion(error);
        return GC_LIVE_RATIO_MIN_DEFAULT;
      },
    );
    const [space, streamList] = await Promise.all([readSpace({ etcd, prefix: stamp.etcdPrefix, streams: manager, liveRatioMin }), manager.listStreams()]);
    const byId = new Map(space.extents.map((extent) => [extent.extentId, extent]));
    if (values.json) {
      const streams = streamList.map((stream) => ({
        streamId: stream.streamId,
        name: stream.name,
        extents: stream.extents.map((extent) => ({
          extentId: extent.extentId,
          sealed: extent.sealed,
          lengthBytes: extent.lengthBytes,
          liveBytes: byId.get(extent.extentId)?.liveBytes ?? null,
          replicas: extent.replicas.map((replica) => ({ nodeId: replica.nodeId, healthy: replica.healthy })),
        })),
      }));
      return printJson({ streams, extents: space.extents, stamp: { ...space.stamp, liveRatioMin } });
    }
    printTable(['EXTENT', 'KIND', 'STREAMS', 'STATE', 'STORED', 'LIVE', 'LIVE %', 'REPLICAS'], space.extents.map(row));
    const { stamp: s } = space;
    process.stdout.write(
      `\nstamp: live ${humanBytes(s.liveBytes)} of ${humanBytes(s.storedBytes)} stored (${humanBytes(s.rawStoredBytes)} with every replica); garbage ${(s.garbageRatio * 100).toFixed(1)}%; ` +
        `${s.extentsBelowThreshold} data extents below ${(liveRatioMin * 100).toFixed(0)}% live${s.extentsUnknown > 0 ? `, ${s.extentsUnknown} not reported yet` : ''}\n`,
    );
  } finally {
    partitions.close();
    manager.close();
    etcd.close();
  }
}

function row(extent: ExtentSpace): string[] {
  const live = extent.liveBytes === null ? '?' : humanBytes(extent.liveBytes);
  const share = extent.liveBytes === null || extent.totalBytes === 0 ? '-' : `${((extent.liveBytes / extent.totalBytes) * 100).toFixed(0)}%`;
  const streams = extent.streams.length > 0 ? extent.streams.join(',') : `held by ${extent.holders.join(',')}`;
  return [extent.extentId, extent.kind, streams, extent.sealed ? 'sealed' : 'open', humanBytes(extent.totalBytes), live, share, extent.nodeIds.join(' ')];
}
