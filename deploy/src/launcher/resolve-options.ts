import { statfs } from 'node:fs/promises';
import { adminTokenOf } from './admin-token.js';
import { LaunchError } from './launch-error.js';
import { checkRestartPolicy, RESTART_POLICY_DEFAULTS } from './restart-policy.js';
import { STAMP_DEFAULTS, type ResolvedOptions, type StampOptions } from './stamp-layout.js';

/** The launch's options with every default filled in, checked (a bad one throws a LaunchError naming it). */
export async function resolveOptions(options: StampOptions): Promise<ResolvedOptions> {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as StampOptions;
  const resolved = { ...STAMP_DEFAULTS, ...defined };
  for (const [name, value] of Object.entries({
    frontEnds: resolved.frontEnds,
    partitionServers: resolved.partitionServers,
    faultDomains: resolved.faultDomains ?? 1,
  })) {
    if (!Number.isInteger(value) || value < 1) throw new LaunchError(`${name} must be a positive integer, got ${value}`);
  }
  const supervision = { ...RESTART_POLICY_DEFAULTS, ...options.supervision };
  checkRestartPolicy(supervision);
  const capacityBytes = options.capacityBytes ?? (await fileSystemBytes(options.dataDir));
  return { ...resolved, supervision, capacityBytes, adminToken: await adminTokenOf(options.dataDir) };
}

/** The size of the file system holding `dir`: a local stamp's natural capacity. */
async function fileSystemBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return Math.max(1, stats.blocks * stats.bsize);
}
