import { joinKey } from '@strata/common';

/**
 * Where the partition layer keeps its state in etcd, under the stamp's prefix:
 *
 *   partition/map/<partitionId>      one range partition (JSON partitionV1.Partition)
 *   partition/servers/<serverId>     a live partition server (JSON ServerRecord, under a lease)
 *   partition/counters/partition     the number of the last partition id handed out
 *   partition/manager                the partition manager election
 *   partition/usage/<partitionId>    the partition's last usage scan (JSON partitionV1.PartitionUsage)
 *   partition/gc/state               space reclamation's pause switch (JSON GcStateRecord)
 */
export function partitionKeys(prefix: string) {
  const root = joinKey(prefix, 'partition');
  return {
    map: `${root}/map/`,
    partition: (partitionId: string) => `${root}/map/${partitionId}`,
    servers: `${root}/servers/`,
    partitionCounter: `${root}/counters/partition`,
    server: (serverId: string) => `${root}/servers/${serverId}`,
    managerElection: `${root}/manager`,
    usages: `${root}/usage/`,
    usage: (partitionId: string) => `${root}/usage/${partitionId}`,
    gcState: `${root}/gc/state`,
  };
}

export interface ServerRecord {
  serverId: string;
  address: string;
}

/** Whether background space reclamation is paused (`strata gc pause|resume`). */
export interface GcStateRecord {
  paused: boolean;
  changedMs: number;
}
