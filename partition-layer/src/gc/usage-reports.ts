import type { Etcd3 } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { partitionKeys, withGeneration } from '../etcd-keys.js';

/** Usage as kept in etcd: the proto message's JSON (numbers for the 64-bit fields), its generation under its former name `epoch`. */
export type StoredUsage = partitionV1.PartitionUsage__Output;

/** Publishes one partition's usage (the last scan wins). */
export async function writeUsage(etcd: Etcd3, prefix: string, usage: partitionV1.PartitionUsage): Promise<void> {
  const { generation, ...rest } = usage;
  await etcd.put(partitionKeys(prefix).usage(usage.partitionId!)).value(JSON.stringify({ ...rest, epoch: Number(generation ?? 0) }));
}

/** Every partition's last published usage, by partition id. */
export async function readUsages(etcd: Etcd3, prefix: string): Promise<Map<string, StoredUsage>> {
  const all = await etcd.getAll().prefix(partitionKeys(prefix).usages).strings();
  const usages = new Map<string, StoredUsage>();
  for (const raw of Object.values(all)) {
    const usage: StoredUsage = withGeneration(JSON.parse(raw) as StoredUsage & { epoch?: number });
    usages.set(usage.partitionId, usage);
  }
  return usages;
}

/** Forgets the usage of partitions that left the map. */
export async function deleteUsages(etcd: Etcd3, prefix: string, partitionIds: readonly string[]): Promise<void> {
  for (const partitionId of partitionIds) await etcd.delete().key(partitionKeys(prefix).usage(partitionId));
}
