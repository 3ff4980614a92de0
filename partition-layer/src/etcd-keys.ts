import { joinKey } from '@strata/common';
import type { partitionV1 } from '@strata/protos';

/**
 * Where the partition layer keeps its state in etcd, under the stamp's prefix:
 *
 *   partition/map/<partitionId>      one range partition (its map entry: encodeMapEntry)
 *   partition/servers/<serverId>     a live partition server (JSON ServerRecord, under a lease)
 *   partition/counters/partition     the number of the last partition id handed out
 *   partition/manager                the partition manager election
 *   partition/usage/<partitionId>    the partition's last usage scan (JSON partitionV1.PartitionUsage, generation as `epoch`)
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
  /** Its gRPC address. */
  address: string;
  /** Its call transport's address (the calls on every GET's path); absent on servers before it. */
  callAddress?: string;
}

/** Whether background space reclamation is paused (`strata gc pause|resume`). */
export interface GcStateRecord {
  paused: boolean;
  changedMs: number;
}

/**
 * A map entry as etcd holds it: the Partition message's JSON, with its generation under the
 * field's former name, `epoch`, so that maps written before the rename (and servers not yet
 * upgraded) read it unchanged.
 */
export function encodeMapEntry(partition: partitionV1.Partition | partitionV1.Partition__Output): string {
  const { generation, ...rest } = partition;
  return JSON.stringify({ ...rest, epoch: Number(generation ?? 0) });
}

/** Reads a map entry written by {@link encodeMapEntry} (or before the rename). */
export function decodeMapEntry(raw: string): partitionV1.Partition__Output {
  return withGeneration(JSON.parse(raw) as partitionV1.Partition__Output & { epoch?: number });
}

/** A stored record's generation, from `epoch` (its stored name) or `generation`. */
export function withGeneration<T extends { generation?: number | string | unknown; epoch?: number }>(stored: T): Omit<T, 'epoch'> & { generation: number } {
  const { epoch, ...rest } = stored;
  return { ...rest, generation: Number(epoch ?? rest.generation ?? 0) };
}
