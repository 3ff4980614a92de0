import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Clock } from '@strata/common';
import type { ChildSpec } from './child-process.js';
import type { RestartPolicy } from './restart-policy.js';

export interface StampOptions {
  /** Everything the stamps store: etcd, extents, indexes, logs, stamp.json. */
  dataDir: string;
  /** The S3 port of each stamp's front-end; 0 picks a free one. */
  s3Port: number;
  /** The first stamp's host; on Linux stamp N serves on 127.0.0.N (see stampHost). */
  host?: string;
  /** The first stamp's id; the others are stamp-2, stamp-3, ... */
  stampId?: string;
  /** How many stamps, each with its own processes and etcd prefix (one etcd holds them all). */
  stamps?: number;
  extentNodes?: number;
  replicaCount?: number;
  region?: string;
  /** The default account, created in the first stamp at the first start. */
  account?: string;
  logLevel?: string;
  /** Location-service instances: one leads, the others stand by. */
  locationServices?: number;
  /** The zone the location service answers for. */
  domain?: string;
  /** The first location-service instance's DNS port (UDP and TCP); 0 picks a free one. */
  dnsPort?: number;
  /** Each stamp's capacity in raw bytes; by default the size of the file system holding dataDir. */
  capacityBytes?: number;
  /** How often each stamp reports its use. */
  reportIntervalMs?: number;
  /** Stamps above this utilisation take no new accounts. */
  utilisationMax?: number;
  /** Extra environment for every role (e.g. STRATA_FAILPOINTS in tests). */
  env?: Record<string, string>;
  /** Extra environment for single processes, by process id (a failpoint armed in one instance). */
  processEnv?: Record<string, Record<string, string>>;
  /** Stream and partition managers to run in each stamp (one leads, the others stand by). */
  streamManagers?: number;
  partitionManagers?: number;
  partitionServers?: number;
  /** Front-ends to run in each stamp: fe-1 serves on `s3Port`, the others on ports the OS picks (stamp.json lists them all). */
  frontEnds?: number;
  /** Fault domains the extent nodes are spread over, round-robin (en-1 in fd-1, ...); by default each node is its own. */
  faultDomains?: number;
  /** Extra arguments for one process, by id (e.g. `{ 'en-4': ['--data-dir', '/mnt/small'] }`); they win over the defaults. */
  roleArgs?: Record<string, string[]>;
  /** How the launcher restarts a process that dies by itself (RESTART_POLICY_DEFAULTS for what is not given). */
  supervision?: Partial<RestartPolicy>;
  /** Time for the supervisor's backoff and its measurements; the system clock by default. */
  clock?: Clock;
}

export const STAMP_DEFAULTS = {
  host: '127.0.0.1',
  stampId: 'stamp-1',
  stamps: 1,
  // Four, so that a dead node's replicas can be copied to a fourth while three stay up.
  extentNodes: 4,
  streamManagers: 1,
  partitionManagers: 1,
  partitionServers: 1,
  frontEnds: 1,
  replicaCount: 3,
  region: 'us-east-1',
  account: 'strata',
  logLevel: 'info',
  locationServices: 1,
  domain: 'strata.test',
  dnsPort: 0,
} as const;

type Defaulted = { -readonly [K in keyof typeof STAMP_DEFAULTS]: (typeof STAMP_DEFAULTS)[K] extends string ? string : number };
export type ResolvedOptions = StampOptions & Defaulted & { supervision: RestartPolicy; capacityBytes: number; adminToken: string };

/** Where stamp `id`'s processes keep their etcd state; the location service writes account registrations there too. */
export const STAMPS_PREFIX = '/strata/stamps';
export const LOCATION_PREFIX = '/strata/location';

/** One stamp of a launch: its id, where it serves, where it keeps data, and how its process ids are spelled. */
export interface StampLayout {
  stampId: string;
  host: string;
  s3Port: number;
  dataDir: string;
  /** Process id of `local` (en-1, fe-1) in this launch: the first stamp keeps them bare, as single-stamp launches always had. */
  processId(local: string): string;
}

/**
 * The stamps of a launch. On Linux stamp N serves on 127.0.0.N, so each stamp's front-ends have
 * their own address — what DNS answers tell apart — and all may share one port; elsewhere
 * (only 127.0.0.1 is configured) they share the host and take consecutive ports.
 */
export function stampLayouts(options: ResolvedOptions): StampLayout[] {
  const ownHosts = process.platform === 'linux' && options.host === STAMP_DEFAULTS.host;
  return Array.from({ length: options.stamps }, (_, i) => {
    const stampId = i === 0 ? options.stampId : `stamp-${i + 1}`;
    return {
      stampId,
      host: ownHosts ? `127.0.0.${i + 1}` : options.host,
      s3Port: ownHosts || options.s3Port === 0 ? options.s3Port : options.s3Port + i,
      dataDir: i === 0 ? options.dataDir : join(options.dataDir, 'stamps', stampId),
      processId: (local: string) => (i === 0 ? local : `${stampId}-${local}`),
    };
  });
}

const script = (specifier: string): string => fileURLToPath(import.meta.resolve(specifier));

function roleSpec(options: ResolvedOptions, spec: { role: string; id: string; specifier: string; args: string[]; etcd: string }): ChildSpec {
  return {
    role: spec.role,
    id: spec.id,
    script: script(spec.specifier),
    args: [...spec.args, '--etcd', spec.etcd, '--log-level', options.logLevel, ...(options.roleArgs?.[spec.id] ?? [])],
    env: { ...options.env, ...options.processEnv?.[spec.id], UV_THREADPOOL_SIZE: '8' },
    logFile: join(options.dataDir, 'logs', `${spec.id}.log`),
    readyTimeoutMs: 60_000,
  };
}

/** The ports of one location-service instance: fixed at launch, so a restarted instance is where the stamps' reporters and stamp.json expect it. */
export interface LocationPorts {
  grpc: number;
  admin: number;
  dns: number;
}

/** The location-service instances, in start order; the first creates the default account. */
export function locationServiceSpecs(options: ResolvedOptions, etcd: string, ports: readonly LocationPorts[]): ChildSpec[] {
  return ports.map((port, i) => {
    const spec = roleSpec(options, {
      role: 'location-service',
      id: `ls-${i + 1}`,
      specifier: '@strata/location-service/main/location-service',
      etcd,
      args: [
        '--instance-id',
        `ls-${i + 1}`,
        '--etcd-prefix',
        LOCATION_PREFIX,
        '--stamps-prefix',
        STAMPS_PREFIX,
        '--listen',
        `127.0.0.1:${port.grpc}`,
        '--admin-listen',
        `127.0.0.1:${port.admin}`,
        '--dns-listen',
        `127.0.0.1:${port.dns}`,
        '--domain',
        options.domain,
        '--default-stamp',
        options.stampId,
        '--default-account',
        options.account,
        ...(options.utilisationMax !== undefined ? ['--utilisation-max', String(options.utilisationMax)] : []),
      ],
    });
    // The token goes through the environment: command lines are visible to every user.
    return { ...spec, env: { ...spec.env, STRATA_ADMIN_TOKEN: options.adminToken } };
  });
}

/** A stamp's role processes up to its front-end, in start order. */
export function stampRoleSpecs(options: ResolvedOptions, stamp: StampLayout, etcd: string): ChildSpec[] {
  const stampPrefix = `${STAMPS_PREFIX}/${stamp.stampId}`;
  const spec = (role: string, local: string, specifier: string, args: string[]): ChildSpec =>
    roleSpec(options, { role, id: stamp.processId(local), specifier, etcd, args: [...args, '--etcd-prefix', stampPrefix] });
  const extentNodes = Array.from({ length: options.extentNodes }, (_, i) =>
    spec('extent-node', `en-${i + 1}`, '@strata/stream-layer/main/extent-node', [
      '--node-id',
      `en-${i + 1}`,
      '--data-dir',
      join(stamp.dataDir, 'extent-nodes', `en-${i + 1}`),
      '--fault-domain',
      `fd-${(i % (options.faultDomains ?? options.extentNodes)) + 1}`,
    ]),
  );
  return [
    ...extentNodes,
    ...Array.from({ length: options.streamManagers }, (_, i) =>
      spec('stream-manager', `sm-${i + 1}`, '@strata/stream-layer/main/stream-manager', [
        '--node-id',
        `sm-${i + 1}`,
        '--replica-count',
        String(options.replicaCount),
      ]),
    ),
    ...Array.from({ length: options.partitionManagers }, (_, i) =>
      spec('partition-manager', `pm-${i + 1}`, '@strata/partition-layer/main/partition-manager', ['--node-id', `pm-${i + 1}`]),
    ),
    ...Array.from({ length: options.partitionServers }, (_, i) =>
      spec('partition-server', `ps-${i + 1}`, '@strata/partition-layer/main/partition-server', [
        '--node-id',
        `ps-${i + 1}`,
        '--data-dir',
        join(stamp.dataDir, 'partition-servers', `ps-${i + 1}`),
      ]),
    ),
    ...Array.from({ length: options.frontEnds }, (_, i) =>
      spec('front-end', `fe-${i + 1}`, '@strata/frontend/main/frontend', [
        '--node-id',
        `fe-${i + 1}`,
        '--listen',
        `${stamp.host}:${i === 0 ? stamp.s3Port : 0}`,
        '--stamp-id',
        stamp.stampId,
        '--region',
        options.region,
        '--domain',
        options.domain,
        '--default-account',
        options.account,
      ]),
    ),
  ];
}

/** The stamp's reporter, once its front-ends and the location service are up. */
export function reporterSpec(
  options: ResolvedOptions,
  stamp: StampLayout,
  endpoints: { etcd: string; frontEnds: string[]; locationService: string[] },
): ChildSpec {
  return roleSpec(options, {
    role: 'stamp-reporter',
    id: stamp.processId('sr-1'),
    specifier: '@strata/deploy/main/stamp-reporter',
    etcd: endpoints.etcd,
    args: [
      '--stamp-id',
      stamp.stampId,
      '--etcd-prefix',
      `${STAMPS_PREFIX}/${stamp.stampId}`,
      '--front-ends',
      endpoints.frontEnds.join(','),
      '--location-service',
      endpoints.locationService.join(','),
      '--capacity-bytes',
      String(options.capacityBytes),
      ...(options.reportIntervalMs !== undefined ? ['--interval-ms', String(options.reportIntervalMs)] : []),
    ],
  });
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
      '--name',
      'strata',
      '--data-dir',
      join(options.dataDir, 'etcd'),
      '--listen-client-urls',
      clientUrl,
      '--advertise-client-urls',
      clientUrl,
      '--listen-peer-urls',
      peerUrl,
      '--initial-advertise-peer-urls',
      peerUrl,
      '--initial-cluster',
      `strata=${peerUrl}`,
      '--initial-cluster-state',
      'new',
      '--auto-compaction-mode',
      'periodic',
      '--auto-compaction-retention',
      '1h',
      '--log-level',
      'warn',
      '--logger',
      'zap',
      '--log-outputs',
      'stderr',
    ],
    logFile: join(options.dataDir, 'logs', 'etcd.log'),
    readyTimeoutMs: 30_000,
  };
}
