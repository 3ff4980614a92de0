import type { partitionV1, streamV1 } from '@strata/protos';
import type { StoredUsage } from './usage-reports.js';

export interface PlanInput {
  /** The partition map. */
  partitions: readonly partitionV1.Partition__Output[];
  /** Every extent the stream manager knows through a stream or a hold, by id. */
  extents: ReadonlyMap<string, streamV1.ExtentInfo__Output>;
  /** Each partition's data stream, by stream id. */
  streams: ReadonlyMap<string, streamV1.StreamInfo__Output>;
  /** The last usage each partition published, by partition id. */
  usages: ReadonlyMap<string, StoredUsage>;
  /** An extent is compacted when its live bytes are below this share of its length. */
  liveRatioMin: number;
  /** An open data extent is sealed and compacted only once it holds this much. */
  openExtentBytesMin: number;
}

export interface CompactionPlan {
  partitionId: string;
  extentIds: string[];
}

/**
 * Which extents each partition compacts this round (a pure function of one view):
 *  - an extent of its data stream it points nowhere into is released outright (no copy);
 *  - an extent whose live bytes, over every partition's usage, are below `liveRatioMin` of its
 *    length: the partition copies its blocks out, then releases it — a sealed extent of its
 *    data stream, the open one once it holds `openExtentBytesMin`, or one it holds;
 *  - a sealed extent a partition holds that no current usage points into: the holder releases
 *    its hold;
 *  - nothing is planned from a usage of another generation, from a scan that saw a now-sealed
 *    extent still open, or for an extent some partition listing it has not reported on.
 * A wrong guess costs only a needless copy: a partition releases an extent only after its own
 * index, read under its lock, no longer points into it.
 */
export function planCompactions(input: PlanInput): CompactionPlan[] {
  const current = new Map<string, StoredUsage>();
  for (const partition of input.partitions) {
    const usage = input.usages.get(partition.partitionId);
    if (usage && usage.generation === partition.generation) current.set(partition.partitionId, usage);
  }
  const live = new Map<string, number>();
  for (const usage of current.values()) for (const extent of usage.extents) live.set(extent.extentId, (live.get(extent.extentId) ?? 0) + extent.liveBytes);
  const unknown = unreportedExtents(input, current);
  const ratio = (extentId: string, totalBytes: number): number => (totalBytes > 0 ? Math.min(1, (live.get(extentId) ?? 0) / totalBytes) : 0);

  const planned = new Map<string, string[]>();
  for (const [partitionId, usage] of current) {
    const extentIds: string[] = [];
    planned.set(partitionId, extentIds);
    for (const extent of usage.extents) {
      const info = input.extents.get(extent.extentId);
      if (!info || unknown.has(extent.extentId)) continue;
      if (extent.own && info.sealed && extent.sealed) {
        if (extent.liveBytes === 0 || ratio(extent.extentId, info.sealedLengthBytes) < input.liveRatioMin) extentIds.push(extent.extentId);
      } else if (extent.own && !info.sealed && extent.extentId === usage.openExtentId) {
        if (usage.openExtentBytes >= input.openExtentBytesMin && ratio(extent.extentId, usage.openExtentBytes) < input.liveRatioMin)
          extentIds.push(extent.extentId);
      } else if (!extent.own && extent.liveBytes > 0 && info.sealed && ratio(extent.extentId, info.sealedLengthBytes) < input.liveRatioMin) {
        extentIds.push(extent.extentId);
      }
    }
  }
  // Held where no current usage points any more (every blob in it deleted or compacted away: a
  // front-end's extent, a copy's source): each holder releases its hold, after its own index,
  // read under its lock, confirms it points nowhere there.
  for (const [extentId, info] of input.extents) {
    if (!info.sealed || unknown.has(extentId) || (live.get(extentId) ?? 0) > 0) continue;
    for (const hold of info.holds) {
      const extentIds = planned.get(hold.holder);
      if (extentIds && !extentIds.includes(extentId)) extentIds.push(extentId);
    }
  }
  return [...planned].filter(([, extentIds]) => extentIds.length > 0).map(([partitionId, extentIds]) => ({ partitionId, extentIds }));
}

/** Extents listed by the data stream of a partition without a current usage that covers them. */
function unreportedExtents(input: PlanInput, current: ReadonlyMap<string, StoredUsage>): Set<string> {
  const unknown = new Set<string>();
  for (const partition of input.partitions) {
    const stream = input.streams.get(partition.streams?.dataStreamId ?? '');
    const usage = current.get(partition.partitionId);
    const reported = new Set(usage?.extents.map((extent) => extent.extentId) ?? []);
    for (const extent of stream?.extents ?? []) if (!reported.has(extent.extentId)) unknown.add(extent.extentId);
  }
  return unknown;
}
