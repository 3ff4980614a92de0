import type { partitionV1, streamV1 } from '@strata/protos';
import type { StoredUsage } from './usage-reports.js';

export type ExtentKind = 'data' | 'log' | 'checkpoint' | 'meta' | 'other';

/** One extent's space: what it holds and how much of it an index (or the partition's state) needs. */
export interface ExtentSpace {
  extentId: string;
  kind: ExtentKind;
  /** Names of the streams listing it (several for a split's shared extents; none for an extent only held). */
  streams: string[];
  sealed: boolean;
  /** Bytes the extent holds (one replica): its sealed length, or an open extent's last polled length. */
  totalBytes: number;
  /**
   * Bytes needed: for a data extent, the blocks every partition's index points at (as of their
   * last usage scans, capped at `totalBytes`), null when a partition listing it has not
   * reported; for log, checkpoint and root extents, all of it (released whole when trimmed).
   */
  liveBytes: number | null;
  nodeIds: string[];
  holders: string[];
}

export interface StampSpace {
  liveBytes: number;
  storedBytes: number;
  rawStoredBytes: number;
  garbageRatio: number;
  extents: number;
  extentsBelowThreshold: number;
  extentsUnknown: number;
}

const KINDS: readonly ExtentKind[] = ['data', 'log', 'checkpoint', 'meta'];

/**
 * The stamp's space, extent by extent and in total, from the stream manager's streams and held
 * extents and the partitions' usages (only usages of the partitions' current generations count).
 * An extent of unknown live bytes counts as live in the totals.
 */
export function accountSpace(input: {
  streams: readonly streamV1.StreamInfo__Output[];
  held: readonly streamV1.ExtentInfo__Output[];
  partitions: readonly partitionV1.Partition__Output[];
  usages: ReadonlyMap<string, StoredUsage>;
  liveRatioMin: number;
}): { extents: ExtentSpace[]; stamp: StampSpace } {
  const byId = new Map<string, { info: streamV1.ExtentInfo__Output; streams: string[]; kind: ExtentKind }>();
  for (const stream of input.streams) {
    const kind = KINDS.find((candidate) => stream.name.endsWith(`/${candidate}`)) ?? 'other';
    for (const info of stream.extents) {
      const entry = byId.get(info.extentId) ?? { info, streams: [], kind };
      entry.streams.push(stream.name);
      byId.set(info.extentId, entry);
    }
  }
  for (const info of input.held) if (!byId.has(info.extentId)) byId.set(info.extentId, { info, streams: [], kind: 'data' });
  const { live, unreported } = liveBytesOf(input);

  const extents: ExtentSpace[] = [...byId.values()].map(({ info, streams, kind }) => {
    const totalBytes = Number(info.sealed ? info.sealedLengthBytes : info.lengthBytes);
    const liveBytes = kind !== 'data' ? totalBytes : unreported.has(info.extentId) ? null : Math.min(totalBytes, live.get(info.extentId) ?? 0);
    return {
      extentId: info.extentId,
      kind,
      streams,
      sealed: info.sealed,
      totalBytes,
      liveBytes,
      nodeIds: info.replicas.map((r) => r.nodeId),
      holders: info.holds.map((h) => h.holder),
    };
  });
  const stamp: StampSpace = {
    liveBytes: 0,
    storedBytes: 0,
    rawStoredBytes: 0,
    garbageRatio: 0,
    extents: extents.length,
    extentsBelowThreshold: 0,
    extentsUnknown: 0,
  };
  for (const extent of extents) {
    stamp.storedBytes += extent.totalBytes;
    stamp.rawStoredBytes += extent.totalBytes * extent.nodeIds.length;
    stamp.liveBytes += extent.liveBytes ?? extent.totalBytes;
    if (extent.liveBytes === null) stamp.extentsUnknown++;
    else if (extent.kind === 'data' && extent.sealed && extent.liveBytes < extent.totalBytes * input.liveRatioMin) stamp.extentsBelowThreshold++;
  }
  stamp.garbageRatio = stamp.storedBytes > 0 ? 1 - stamp.liveBytes / stamp.storedBytes : 0;
  return { extents: extents.sort((a, b) => compareIds(a.extentId, b.extentId)), stamp };
}

/** Live bytes per extent over the current usages, and the data extents some partition listing them has not reported on. */
function liveBytesOf(input: {
  partitions: readonly partitionV1.Partition__Output[];
  streams: readonly streamV1.StreamInfo__Output[];
  usages: ReadonlyMap<string, StoredUsage>;
}): {
  live: Map<string, number>;
  unreported: Set<string>;
} {
  const live = new Map<string, number>();
  const unreported = new Set<string>();
  const streams = new Map(input.streams.map((stream) => [stream.streamId, stream]));
  for (const partition of input.partitions) {
    const usage = input.usages.get(partition.partitionId);
    const current = usage && usage.generation === partition.generation ? usage : undefined;
    for (const extent of current?.extents ?? []) live.set(extent.extentId, (live.get(extent.extentId) ?? 0) + extent.liveBytes);
    const reported = new Set(current?.extents.map((extent) => extent.extentId) ?? []);
    for (const extent of streams.get(partition.streams?.dataStreamId ?? '')?.extents ?? []) if (!reported.has(extent.extentId)) unreported.add(extent.extentId);
  }
  return { live, unreported };
}

/** e-2 before e-10. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
