import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ChildSpec } from './child-process.js';

export interface StampOptions {
  /** Everything the stamp stores: etcd, extents, indexes, logs, stamp.json. */
  dataDir: string;
  /** The S3 port on `host`; 0 picks a free one. */
  s3Port: number;
  host?: string;
  stampId?: string;
  extentNodes?: number;
  replicaCount?: number;
  region?: string;
  /** The default account, created at the first start. */
  account?: string;
  logLevel?: string;
  /** Extra environment for every role (e.g. STRATA_FAILPOINTS in tests). */
  env?: Record<string, string>;
  /** Stream and partition managers to run (one leads, the others stand by). */
  streamManagers?: number;
  partitionManagers?: number;
  partitionServers?: number;
  /** Extra arguments for one process, by id (e.g. `{ 'en-4': ['--data-dir', '/mnt/small'] }`); they win over the defaults. */
  roleArgs?: Record<string, string[]>;
}

export const STAMP_DEFAULTS = {
  host: '127.0.0.1',
  stampId: 'stamp-1',
  // Four, so that a dead node's replicas can be copied to a fourth while three stay up.
  extentNodes: 4,
  streamManagers: 1,
  partitionManagers: 1,
  partitionServers: 1,
  replicaCount: 3,
  region: 'us-east-1',
  account: 'strata',
  logLevel: 'info',
} as const;

export type ResolvedOptions = StampOptions & {
  extentNodes: number;
  replicaCount: number;
  streamManagers: number;
  partitionManagers: number;
  partitionServers: number;
  host: string;
  stampId: string;
  region: string;
  account: string;
  logLevel: string;
};

/** Where stamp `id`'s processes keep their etcd state; the location service writes account registrations there too. */
export const STAMPS_PREFIX = '/strata/stamps';
export const LOCATION_PREFIX = '/strata/location';

const script = (specifier: string): string => fileURLToPath(import.meta.resolve(specifier));

/** The role processes of a stamp, in start order, given where etcd and the location service are. */
export function roleSpecs(options: ResolvedOptions, endpoints: { etcd: string; locationService?: string }): ChildSpec[] {
  const stampPrefix = `${STAMPS_PREFIX}/${options.stampId}`;
  const common = ['--etcd', endpoints.etcd, '--log-level', options.logLevel];
  const spec = (role: string, id: string, specifier: string, args: string[]): ChildSpec => ({
    role,
    id,
    script: script(specifier),
    args: [...args, ...common, ...(options.roleArgs?.[id] ?? [])],
    env: { ...options.env, UV_THREADPOOL_SIZE: '8' },
    logFile: join(options.dataDir, 'logs', `${id}.log`),
    readyTimeoutMs: 60_000,
  });
  const extentNodes = Array.from({ length: options.extentNodes }, (_, i) =>
    spec('extent-node', `en-${i + 1}`, '@strata/stream-layer/main/extent-node', [
      '--node-id', `en-${i + 1}`, '--data-dir', join(options.dataDir, 'extent-nodes', `en-${i + 1}`), '--fault-domain', `fd-${i + 1}`, '--etcd-prefix', stampPrefix,
    ]),
  );
  return [
    ...extentNodes,
    ...Array.from({ length: options.streamManagers }, (_, i) =>
      spec('stream-manager', `sm-${i + 1}`, '@strata/stream-layer/main/stream-manager', ['--node-id', `sm-${i + 1}`, '--etcd-prefix', stampPrefix, '--replica-count', String(options.replicaCount)]),
    ),
    ...Array.from({ length: options.partitionManagers }, (_, i) =>
      spec('partition-manager', `pm-${i + 1}`, '@strata/partition-layer/main/partition-manager', ['--node-id', `pm-${i + 1}`, '--etcd-prefix', stampPrefix]),
    ),
    ...Array.from({ length: options.partitionServers }, (_, i) =>
      spec('partition-server', `ps-${i + 1}`, '@strata/partition-layer/main/partition-server', [
        '--node-id', `ps-${i + 1}`, '--data-dir', join(options.dataDir, 'partition-servers', `ps-${i + 1}`), '--etcd-prefix', stampPrefix,
      ]),
    ),
    spec('location-service', 'ls-1', '@strata/location-service/main/location-service', [
      '--etcd-prefix', LOCATION_PREFIX, '--stamps-prefix', STAMPS_PREFIX, '--default-stamp', options.stampId, '--default-account', options.account,
    ]),
    spec('front-end', 'fe-1', '@strata/frontend/main/frontend', [
      '--node-id', 'fe-1', '--listen', `${options.host}:${options.s3Port}`, '--etcd-prefix', stampPrefix, '--stamp-id', options.stampId, '--region', options.region,
    ]),
  ];
}

/** The etcd child: a guard process that runs the `etcd` binary. */
export function etcdSpec(options: ResolvedOptions, ports: { client: number; peer: number }): ChildSpec {
  const clientUrl = `http://127.0.0.1:${ports.client}`;
  const peerUrl = `http://127.0.0.1:${ports.peer}`;
  return {
    role: 'etcd',
    id: 'etcd',
    script: fileURLToPath(new URL('./etcd-guard.js', import.meta.url)),
    args: [
      clientUrl,
      '--name', 'strata', '--data-dir', join(options.dataDir, 'etcd'),
      '--listen-client-urls', clientUrl, '--advertise-client-urls', clientUrl,
      '--listen-peer-urls', peerUrl, '--initial-advertise-peer-urls', peerUrl,
      '--initial-cluster', `strata=${peerUrl}`, '--initial-cluster-state', 'new',
      '--auto-compaction-mode', 'periodic', '--auto-compaction-retention', '1h',
      '--log-level', 'warn', '--logger', 'zap', '--log-outputs', 'stderr',
    ],
    logFile: join(options.dataDir, 'logs', 'etcd.log'),
    readyTimeoutMs: 30_000,
  };
}
