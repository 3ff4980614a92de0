import type { Etcd3 } from '@strata/common';
import type { StreamManagerClient } from '@strata/stream-layer';
import { decodeMapEntry, partitionKeys } from '../etcd-keys.js';
import { accountSpace, type ExtentSpace, type StampSpace } from './space-accounting.js';
import { readUsages } from './usage-reports.js';

/**
 * The stamp's space now, for tools: the stream manager's streams and held extents, the
 * partition map and the partitions' last published usages, through accountSpace.
 */
export async function readSpace(options: {
  etcd: Etcd3;
  prefix: string;
  streams: StreamManagerClient;
  liveRatioMin: number;
}): Promise<{ extents: ExtentSpace[]; stamp: StampSpace }> {
  const [streams, held, usages, map] = await Promise.all([
    options.streams.listStreams(),
    options.streams.heldExtents(),
    readUsages(options.etcd, options.prefix),
    options.etcd.getAll().prefix(partitionKeys(options.prefix).map).strings(),
  ]);
  const partitions = Object.values(map).map(decodeMapEntry);
  return accountSpace({ streams, held, partitions, usages, liveRatioMin: options.liveRatioMin });
}
