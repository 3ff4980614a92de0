import { parseArgs } from 'node:util';
import { connectEtcd, silentLogger } from '@strata/common';
import { PartitionClient, PartitionMap } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';
import { LaunchError } from '../launcher/launch-error.js';
import { readStampFile } from './stamp-file.js';

const USAGE =
  'usage: strata containers [--json] | show NAME | set-access NAME private|blob|container | set-cache-control NAME VALUE  [--account A] [--data-dir DIR]';

/** The access levels, as operators name them (Azure's): "private" is stored as "". */
const ACCESS = { private: '', blob: 'blob', container: 'container' } as const;

/** A page of the account's containers is listed at a time. */
const LIST_PAGE = 1000;

/**
 * `strata containers`: an account's containers and their settings, and the operator's changes
 * to them: public access (private; blob = anyone may read blobs; container = also list) and the
 * Cache-Control answered for blobs stored without one. Front-ends apply a change within 2 s.
 */
export async function containersCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string', default: './data' }, account: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const stamp = readStampFile(values['data-dir']);
  const account = values.account ?? stamp.account;
  const etcd = connectEtcd([stamp.etcdEndpoint]);
  const map = await PartitionMap.open({ etcd, prefix: stamp.etcdPrefix, log: silentLogger() });
  const partitions = new PartitionClient(map);
  try {
    const [action, name, value] = positionals;
    let shown: partitionV1.ContainerInfo__Output[];
    if (action === undefined) shown = await listWithSettings(partitions, account);
    else if (action === 'show' && name !== undefined && value === undefined) shown = [await partitions.getContainer({ account, container: name })];
    else if (action === 'set-access' && name !== undefined && value !== undefined && positionals.length === 3) {
      if (!(value in ACCESS)) throw new LaunchError(`access must be private, blob or container, not ${value}`);
      const publicAccess = ACCESS[value as keyof typeof ACCESS];
      shown = [await partitions.setContainerProperties({ account, container: name, properties: { publicAccess }, fields: ['public_access'] })];
    } else if (action === 'set-cache-control' && name !== undefined && value !== undefined && positionals.length === 3) {
      shown = [
        await partitions.setContainerProperties({ account, container: name, properties: { defaultCacheControl: value }, fields: ['default_cache_control'] }),
      ];
    } else throw new LaunchError(USAGE);
    print(shown, values.json);
  } finally {
    partitions.close();
    await map.close();
    etcd.close();
  }
}

async function listWithSettings(partitions: PartitionClient, account: string): Promise<partitionV1.ContainerInfo__Output[]> {
  const all: partitionV1.ContainerInfo__Output[] = [];
  for (let startAfter = ''; ;) {
    const page = await partitions.listContainers({ account, startAfter, maxResults: LIST_PAGE });
    for (const container of page.containers) all.push(await partitions.getContainer({ account, container: container.container }));
    if (!page.truncated || page.containers.length === 0) return all;
    startAfter = page.containers.at(-1)!.container;
  }
}

function print(containers: partitionV1.ContainerInfo__Output[], json: boolean): void {
  const rows = containers.map((c) => ({
    account: c.account,
    container: c.container,
    createdMs: Number(c.createdMs),
    access: c.properties?.publicAccess || 'private',
    defaultCacheControl: c.properties?.defaultCacheControl ?? '',
    corsRules: c.properties?.corsRules.length ?? 0,
  }));
  if (json) {
    process.stdout.write(`${JSON.stringify({ containers: rows }, null, 2)}\n`);
    return;
  }
  for (const row of rows) {
    const cache = row.defaultCacheControl ? `  cache-control "${row.defaultCacheControl}"` : '';
    process.stdout.write(`${row.container.padEnd(24)} ${row.access.padEnd(9)} ${row.corsRules} CORS rules${cache}\n`);
  }
}
