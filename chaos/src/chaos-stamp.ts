import { join } from 'node:path';
import { Stamp, type ProcessInfo, type StampOptions } from '@strata/deploy';
import { SMALL_DISK_FULL_BELOW_BYTES, type SmallDisk } from './disk-faults.js';

/** The stamp a chaos run attacks: the counts, replicas spread over three fault domains. */
export const CHAOS_STAMP = {
  extentNodes: 5,
  faultDomains: 3,
  replicaCount: 3,
  streamManagers: 2,
  partitionManagers: 2,
  partitionServers: 3,
  frontEnds: 2,
} as const;

/** The extent node whose disk `--fill-disk` fills. */
export const SMALL_DISK_NODE = `en-${CHAOS_STAMP.extentNodes}`;

/**
 * Settings that make a short run meaningful: repair looks every second; the partition manager
 * splits the load's key space (768 keys) into several partitions within seconds and spreads
 * them over the servers, so killing any server hurts; partitions roll their extents at 64 MiB,
 * so seals by size happen too; scrubbing runs often when bytes are flipped.
 */
function roleEnv(flipByte: boolean): Record<string, string> {
  return {
    STRATA_REPAIR_INTERVAL_MS: '1000',
    STRATA_SPLIT_ENTRIES: '150',
    STRATA_MERGE_ENTRIES: '0',
    STRATA_POLICY_INTERVAL_MS: '2000',
    STRATA_EXTENT_SIZE_MAX_BYTES: String(64 * 1024 * 1024),
    ...(flipByte ? { STRATA_SCRUB_INTERVAL_MS: '5000' } : {}),
  };
}

/** Starts the run's stamp in `dataDir`; `onExit` hears of every process that exits while it runs. */
export async function startChaosStamp(options: {
  dataDir: string;
  flipByte: boolean;
  smallDisk?: SmallDisk;
  onExit: (info: ProcessInfo, how: string) => void;
}): Promise<Stamp> {
  const small = options.smallDisk;
  const stampOptions: StampOptions = {
    dataDir: options.dataDir,
    s3Port: 0,
    ...CHAOS_STAMP,
    env: roleEnv(options.flipByte),
    ...(small
      ? {
          roleArgs: { [SMALL_DISK_NODE]: ['--data-dir', small.dataDir] },
          processEnv: { [SMALL_DISK_NODE]: { STRATA_FULL_BELOW_BYTES: String(SMALL_DISK_FULL_BELOW_BYTES) } },
        }
      : {}),
  };
  return Stamp.start(stampOptions, options.onExit);
}

/** Where extent node `nodeId` of the run keeps the file of a replica of `extentId`. */
export function extentFileOf(dataDir: string, smallDisk: SmallDisk | undefined): (nodeId: string, extentId: string) => string {
  return (nodeId, extentId) =>
    join(nodeId === SMALL_DISK_NODE && smallDisk ? smallDisk.dataDir : join(dataDir, 'extent-nodes', nodeId), 'extents', `${extentId}.extent`);
}
