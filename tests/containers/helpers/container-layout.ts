/** The stamp's etcd prefix, as the local launcher uses it. */
export const STAMP_PREFIX = '/strata/stamps/stamp-1';
export const ACCOUNT = 'strata';

export interface RoleSpec {
  /** Unique in the stamp, e.g. "en-1"; also the container's name suffix. */
  id: string;
  role: 'etcd' | 'extent-node' | 'stream-manager' | 'partition-manager' | 'partition-server' | 'location-service' | 'front-end';
  /** Whether the role keeps data in a volume mounted at /var/lib/strata. */
  volume: boolean;
  etcd?: string;
  /** The role's own port: gRPC, or S3 for the front-end. */
  port?: number;
  probePort?: number;
}

/** etcd's flags for a one-member cluster on the host's loopback, data inside the container. */
export function etcdContainerArgs(ports: { client: number; peer: number }): { command: string[]; env: Record<string, string> } {
  const client = `http://127.0.0.1:${ports.client}`;
  const peer = `http://127.0.0.1:${ports.peer}`;
  return {
    command: [
      '--name',
      'etcd-1',
      '--data-dir',
      '/var/lib/etcd/data',
      '--listen-client-urls',
      client,
      '--advertise-client-urls',
      client,
      '--listen-peer-urls',
      peer,
      '--initial-advertise-peer-urls',
      peer,
      '--initial-cluster',
      `etcd-1=${peer}`,
      '--initial-cluster-state',
      'new',
      '--log-level',
      'warn',
    ],
    env: {},
  };
}

/**
 * The image's arguments for one role: the role name, then its flags. Config that is the same
 * for every role (etcd, probe port, log level) goes through STRATA_* variables, as an
 * orchestrator would set it.
 */
/** The admin token of the container stamps the tests start. */
export const TEST_ADMIN_TOKEN = 'container-test-admin-token';

export function roleContainerArgs(spec: RoleSpec): { command: string[]; env: Record<string, string> } {
  const listen = `127.0.0.1:${spec.port}`;
  const env: Record<string, string> = { STRATA_ETCD: spec.etcd!, STRATA_PROBE_LISTEN: `127.0.0.1:${spec.probePort}`, STRATA_LOG_LEVEL: 'info' };
  // The location service's admin API needs a token (given as a secret would be, in the environment).
  if (spec.role === 'location-service') env.STRATA_ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  const flags: Record<RoleSpec['role'], string[]> = {
    etcd: [],
    'extent-node': [
      '--node-id',
      spec.id,
      '--data-dir',
      '/var/lib/strata',
      '--listen',
      listen,
      '--fault-domain',
      `fd-${spec.id}`,
      '--etcd-prefix',
      STAMP_PREFIX,
    ],
    'stream-manager': ['--node-id', spec.id, '--listen', listen, '--replica-count', '3', '--etcd-prefix', STAMP_PREFIX],
    'partition-manager': ['--node-id', spec.id, '--listen', listen, '--etcd-prefix', STAMP_PREFIX],
    'partition-server': ['--node-id', spec.id, '--data-dir', '/var/lib/strata', '--listen', listen, '--etcd-prefix', STAMP_PREFIX],
    'location-service': [
      '--listen',
      listen,
      '--etcd-prefix',
      '/strata/location',
      '--stamps-prefix',
      '/strata/stamps',
      '--default-stamp',
      'stamp-1',
      '--default-account',
      ACCOUNT,
    ],
    'front-end': ['--node-id', spec.id, '--listen', listen, '--etcd-prefix', STAMP_PREFIX, '--stamp-id', 'stamp-1'],
  };
  return { command: [spec.role, ...flags[spec.role]], env };
}
