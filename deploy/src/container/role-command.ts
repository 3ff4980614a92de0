/** The module of each role's composition root, by the role name the image's entrypoint takes. */
export const ROLE_MODULES = {
  'extent-node': '@strata/stream-layer/main/extent-node',
  'stream-manager': '@strata/stream-layer/main/stream-manager',
  'partition-manager': '@strata/partition-layer/main/partition-manager',
  'partition-server': '@strata/partition-layer/main/partition-server',
  'location-service': '@strata/location-service/main/location-service',
  'front-end': '@strata/frontend/main/frontend',
} as const;

export type RoleName = keyof typeof ROLE_MODULES;

/** What the container's entrypoint was asked to do. */
export type RoleCommand =
  | { kind: 'role'; role: RoleName; module: string; args: string[] }
  | { kind: 'probe'; url: string }
  | { kind: 'account'; name: string; location: string }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

/** Where the probe subcommand looks when the probe port is not given (the manifests' convention). */
export const PROBE_PORT_DEFAULT = 8081;

const USAGE = [
  'usage: <role> [--key value ...]     run one Strata role; the role may also come from STRATA_ROLE',
  "       probe <livez|readyz> [port]   ask this container's probe port (a HEALTHCHECK); exit 0 when it answers 200",
  "       account <name> [host:port]    print an account's keys as JSON, asked from the location service",
  '                                     (default STRATA_LOCATION, else 127.0.0.1:7000)',
  `roles: ${Object.keys(ROLE_MODULES).join(', ')}`,
  'Each role reads its config from --flags, STRATA_* variables and --config FILE (JSON); every role',
  'takes --probe-listen host:port for its liveness (/livez) and readiness (/readyz) probes.',
].join('\n');

/**
 * Reads the entrypoint's arguments: `<role> [flags...]` (or the role in `STRATA_ROLE` and only
 * flags as arguments) runs that role with the flags; `probe livez|readyz [port]` asks the probe
 * port of the role in this container (port from the argument, else from `STRATA_PROBE_LISTEN`,
 * else {@link PROBE_PORT_DEFAULT}); nothing or `--help` prints the usage. An unknown role or
 * subcommand is an error naming it and the known ones.
 */
export function parseRoleCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): RoleCommand {
  const [first, ...rest] = argv;
  if (first === 'probe') return probeCommand(rest, env);
  if (first === 'account') return accountCommand(rest, env);
  const envRole = env.STRATA_ROLE;
  if (first === undefined || first === '--help' || first === 'help') {
    if (first === undefined && envRole) return roleCommand(envRole, []);
    return { kind: 'help', text: USAGE };
  }
  if (first.startsWith('-')) {
    if (!envRole) return { kind: 'error', message: `no role: give it as the first argument or in STRATA_ROLE (${Object.keys(ROLE_MODULES).join(', ')})` };
    return roleCommand(envRole, [...argv]);
  }
  return roleCommand(first, rest);
}

function roleCommand(role: string, args: string[]): RoleCommand {
  if (!Object.hasOwn(ROLE_MODULES, role)) return { kind: 'error', message: `unknown role "${role}"; expected one of ${Object.keys(ROLE_MODULES).join(', ')}` };
  return { kind: 'role', role: role as RoleName, module: ROLE_MODULES[role as RoleName], args };
}

function probeCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>): RoleCommand {
  const [probe, port, extra] = args;
  if (probe !== 'livez' && probe !== 'readyz') return { kind: 'error', message: `probe: expected livez or readyz, got ${probe ?? 'nothing'}` };
  if (extra !== undefined) return { kind: 'error', message: `probe: unexpected argument "${extra}"` };
  const fromEnv = env.STRATA_PROBE_LISTEN?.slice(env.STRATA_PROBE_LISTEN.lastIndexOf(':') + 1);
  const chosen = port ?? fromEnv ?? String(PROBE_PORT_DEFAULT);
  if (!/^\d{1,5}$/.test(chosen) || Number(chosen) < 1 || Number(chosen) > 65_535)
    return { kind: 'error', message: `probe: expected a port from 1 to 65535, got "${chosen}"` };
  return { kind: 'probe', url: `http://127.0.0.1:${chosen}/${probe}` };
}

function accountCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>): RoleCommand {
  const [name, location = env.STRATA_LOCATION ?? '127.0.0.1:7000', extra] = args;
  if (!name || extra !== undefined) return { kind: 'error', message: 'account: expected <name> [host:port]' };
  if (!/^[^:\s]+:\d{1,5}$/.test(location)) return { kind: 'error', message: `account: expected host:port of the location service, got "${location}"` };
  return { kind: 'account', name, location };
}
