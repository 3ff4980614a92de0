import { parseArgs } from 'node:util';
import { connectEtcd, silentLogger, systemClock } from '@strata/common';
import { StreamManagerClient } from '@strata/stream-layer';
import { readStampFile } from './stamp-file.js';

/**
 * `strata extents [--json] [--data-dir DIR]`: every stream and its extents as the stream
 * manager sees them: id, sealed, length, and each replica's node and health.
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
  try {
    const streams = (await manager.listStreams()).map((stream) => ({
      streamId: stream.streamId,
      name: stream.name,
      extents: stream.extents.map((extent) => ({
        extentId: extent.extentId,
        sealed: extent.sealed,
        lengthBytes: extent.lengthBytes,
        replicas: extent.replicas.map((replica) => ({ nodeId: replica.nodeId, healthy: replica.healthy })),
      })),
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ streams }, null, 2)}\n`);
      return;
    }
    for (const stream of streams) {
      process.stdout.write(`${stream.streamId} ${stream.name}\n`);
      for (const extent of stream.extents) {
        const replicas = extent.replicas.map((r) => `${r.nodeId}${r.healthy ? '' : '(!)'}`).join(' → ');
        process.stdout.write(`  ${extent.extentId.padEnd(10)} ${(extent.sealed ? 'sealed' : 'open').padEnd(7)} ${String(extent.lengthBytes).padStart(12)} B  ${replicas}\n`);
      }
    }
  } finally {
    manager.close();
    etcd.close();
  }
}
