import type { ChildSpec } from './child-process.js';

/** Roles that everyone finds through their etcd registration, which holds their address. */
const FOUND_THROUGH_ETCD: ReadonlySet<string> = new Set(['extent-node', 'stream-manager', 'partition-manager', 'partition-server']);

/** Roles whose `--listen` the launcher leaves to the OS (but for the first front-end's S3 port). */
const LISTENS: ReadonlySet<string> = new Set([...FOUND_THROUGH_ETCD, 'front-end']);

/**
 * The arguments that bring a restarted process back on the address its last run served on,
 * though its first run may have taken a port the OS picked. A front-end must come back there:
 * S3 clients, stamp.json and the stamp's reporter (hence DNS) have its address. The managers,
 * extent nodes and partition servers come back there too, so stamp.json stays right and their clients
 * reconnect to where they were; but they are found through etcd, so when a start on the old
 * port failed (another process may have taken it meanwhile) the next start lets the OS pick.
 * etcd and the location service need nothing here: their ports are fixed in their arguments.
 */
export function sameAddressArgs(spec: ChildSpec, lastAddress: string | undefined, options: { afterFailure: boolean }): string[] {
  if (!lastAddress || !LISTENS.has(spec.role)) return [];
  if (options.afterFailure && FOUND_THROUGH_ETCD.has(spec.role)) return [];
  return ['--listen', lastAddress];
}

/** Whether a start that failed on the old address is worth one more try on a port the OS picks. */
export function mayMoveAddress(spec: ChildSpec): boolean {
  return FOUND_THROUGH_ETCD.has(spec.role);
}
