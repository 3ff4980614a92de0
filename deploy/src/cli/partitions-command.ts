import { parseArgs } from 'node:util';
import { connectEtcd } from '@strata/common';
import { PartitionManagerClient } from '@strata/partition-layer';
import { LaunchError } from '../launcher/launch-error.js';
import { readStampFile } from './stamp-file.js';

const USAGE = 'usage: strata partitions [--json] | split <id> [--at KEY] | merge <left-id> <right-id> | move <id> <server-id>  [--data-dir DIR]';

/**
 * `strata partitions`: the partition map with each partition's size and load, and the
 * operator's split, merge and move, carried out by the partition manager.
 */
export async function partitionsCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string', default: './data' }, json: { type: 'boolean', default: false }, at: { type: 'string', default: '' } },
    strict: true,
    allowPositionals: true,
  });
  const stamp = readStampFile(values['data-dir']);
  const etcd = connectEtcd([stamp.etcdEndpoint]);
  const client = new PartitionManagerClient({ etcd, prefix: stamp.etcdPrefix });
  try {
    const [action, ...args] = positionals;
    if (action === undefined) return await list(client, values.json);
    const change =
      action === 'split' && args.length === 1
        ? await client.split(args[0]!, values.at)
        : action === 'merge' && args.length === 2
          ? await client.merge(args[0]!, args[1]!)
          : action === 'move' && args.length === 2
            ? await client.move(args[0]!, args[1]!)
            : undefined;
    if (!change) throw new LaunchError(USAGE);
    process.stdout.write(
      values.json
        ? `${JSON.stringify(change)}\n`
        : `removed ${change.removed.join(', ') || '-'}; added ${change.added.join(', ') || '-'} (${change.durationMs} ms)\n`,
    );
  } finally {
    client.close();
    etcd.close();
  }
}

async function list(client: PartitionManagerClient, json: boolean): Promise<void> {
  const map = await client.map();
  const stats = new Map(map.stats.map((stat) => [stat.partitionId, stat]));
  const partitions = map.partitions.map((p) => ({
    partitionId: p.partitionId,
    lowKey: p.lowKey,
    highKey: p.highKey,
    ownerId: p.ownerId,
    generation: p.generation,
    entries: stats.get(p.partitionId)?.entries ?? null,
    operationsPerSecond: stats.get(p.partitionId)?.operationsPerSecond ?? null,
  }));
  if (json) {
    process.stdout.write(`${JSON.stringify({ partitions }, null, 2)}\n`);
    return;
  }
  const show = (key: string): string => (key === '' ? '∞' : JSON.stringify(key.replaceAll('\u0000', '/')));
  for (const p of partitions) {
    process.stdout.write(
      `${p.partitionId.padEnd(8)} [${show(p.lowKey)}, ${show(p.highKey)})  on ${p.ownerId} (generation ${p.generation})  ${p.entries ?? '?'} entries  ${p.operationsPerSecond?.toFixed(1) ?? '?'} ops/s\n`,
    );
  }
}
