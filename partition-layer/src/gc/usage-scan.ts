import type { partitionV1, streamV1 } from '@strata/protos';
import { blockBytes, pointersOf } from './record-pointers.js';

/** Bytes the entries' pointers reference, per extent (a block two entries share counts twice). */
export async function referencedBytes(entries: AsyncIterable<[Buffer, Buffer]>): Promise<Map<string, number>> {
  const bytes = new Map<string, number>();
  for await (const [key, value] of entries) {
    for (const pointer of pointersOf(key, value)) bytes.set(pointer.extentId, (bytes.get(pointer.extentId) ?? 0) + blockBytes(pointer));
  }
  return bytes;
}

/**
 * A partition's usage from one scan: every extent of its data stream (zero included, so the
 * manager can tell "nothing live here" from "not reported"), then every other extent its
 * index points into (held, or shared through a copy).
 */
export function usageOf(options: {
  partitionId: string;
  generation: number;
  sequence: number;
  scannedMs: number;
  referenced: ReadonlyMap<string, number>;
  dataStream: streamV1.StreamInfo__Output;
  openExtent: { extentId: string; appendedBytes: number };
}): partitionV1.PartitionUsage {
  const own = new Set(options.dataStream.extents.map((extent) => extent.extentId));
  const extents: partitionV1.ExtentUsage[] = options.dataStream.extents.map((extent) => ({
    extentId: extent.extentId,
    liveBytes: options.referenced.get(extent.extentId) ?? 0,
    own: true,
    sealed: extent.sealed,
  }));
  for (const [extentId, liveBytes] of options.referenced) {
    if (!own.has(extentId)) extents.push({ extentId, liveBytes, own: false, sealed: true });
  }
  return {
    partitionId: options.partitionId,
    generation: options.generation,
    sequence: options.sequence,
    scannedMs: options.scannedMs,
    extents,
    openExtentId: options.openExtent.extentId,
    openExtentBytes: options.openExtent.appendedBytes,
  };
}
