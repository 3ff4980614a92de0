import { join } from 'node:path';
import { assert, rethrowIfAssertion, warnDropped } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import { joinParts, StreamWriter } from '@strata/stream-layer';
import { PartitionError } from '../../errors.js';
import { compareKeys, spanningContainerKey } from '../../keys.js';
import { checkpointBlockCodec, partitionRootCodec } from '../../records.js';
import { Checkpointer } from '../commit/checkpointer.js';
import { CommitLog } from '../commit/commit-log.js';
import { Committer } from '../commit/committer.js';
import { ExtentLocator } from '../extent-locator.js';
import { IndexStore } from '../commit/index-store.js';
import type { PartitionDeps } from '../partition.js';
import { replayLog } from '../commit/replay.js';
import { StreamTrimmer } from '../../gc/stream-trimmer.js';

export interface LoadedPartition {
  index: IndexStore;
  committer: Committer;
  checkpointer: Checkpointer;
  writers: { log: StreamWriter; data: StreamWriter; meta: StreamWriter; checkpoint: StreamWriter };
  locator: ExtentLocator;
  root: partitionV1.PartitionRoot__Output | undefined;
  trimmer: StreamTrimmer;
  /** All four streams, including the meta and checkpoint streams found by name. */
  streams: Required<partitionV1.PartitionStreams__Output>;
}

/**
 * Loads a partition's state from its streams: opens all four for writing (which seals their
 * last extents, fencing out any former owner), reads the last root record of the meta stream,
 * loads its checkpoint (keeping only this partition's keys), and replays the commit log from
 * where the checkpoint left off into a fresh local index.
 */
export async function loadPartition(deps: PartitionDeps, descriptor: partitionV1.Partition__Output): Promise<LoadedPartition> {
  const streams = descriptor.streams;
  if (!streams) throw new PartitionError('INTERNAL', `partition ${descriptor.partitionId} has no streams`);
  const metaStreamId = streams.metaStreamId || (await deps.manager.createStream(`${descriptor.partitionId}/meta`)).streamId;
  const checkpointStreamId = streams.checkpointStreamId || (await deps.manager.createStream(`${descriptor.partitionId}/checkpoint`)).streamId;
  const writerDeps = { manager: deps.manager, nodes: deps.nodes, clock: deps.clock, log: deps.log, extentBytesMax: deps.extentBytesMax };
  const opened = await Promise.allSettled(
    [streams.logStreamId, streams.dataStreamId, metaStreamId, checkpointStreamId].map((streamId) => StreamWriter.open({ ...writerDeps, streamId })),
  );
  const writers = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  let index: IndexStore | undefined;
  try {
    const failed = opened.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    index = await IndexStore.openEmpty(join(deps.dataDir, 'partitions', descriptor.partitionId));
    return await loadState(
      deps,
      descriptor,
      { streams, metaStreamId, checkpointStreamId },
      index,
      writers as [StreamWriter, StreamWriter, StreamWriter, StreamWriter],
    );
  } catch (error) {
    rethrowIfAssertion(error);
    // A load that failed (an extent node down, etcd away) is retried by the host: it must not
    // leave the index open (its lock would refuse every retry) or writers running.
    const log = deps.log;
    await index?.destroy().catch(warnDropped(log, 'index of a failed load not removed'));
    await Promise.all(writers.map((writer) => writer.close().catch(warnDropped(log, 'stream writer of a failed load not closed'))));
    throw error;
  }
}

async function loadState(
  deps: PartitionDeps,
  descriptor: partitionV1.Partition__Output,
  ids: { streams: partitionV1.PartitionStreams__Output; metaStreamId: string; checkpointStreamId: string },
  index: IndexStore,
  [log, data, meta, checkpoint]: [StreamWriter, StreamWriter, StreamWriter, StreamWriter],
): Promise<LoadedPartition> {
  const { streams, metaStreamId, checkpointStreamId } = ids;
  const started = deps.clock.monotonicMs();
  const placedRoot = await readRoot(deps, await deps.manager.getStream(metaStreamId));
  const root = placedRoot?.root;
  if (root) assertRootCovers(root, descriptor);
  const loaded = root ? await loadCheckpoint(deps, root, index, descriptor) : 0;
  const replayed = await replayLog({
    stream: await deps.manager.getStream(streams.logStreamId),
    reader: deps.reader,
    index,
    log: deps.log,
    ...(root ? { fromExtentId: root.logResumeExtentId, afterSequence: root.sequence } : {}),
  });
  deps.log.info(
    {
      checkpointEntries: loaded,
      checkpointSequence: root?.sequence ?? 0,
      lastSequence: replayed.lastSequence,
      ms: Math.round(deps.clock.monotonicMs() - started),
    },
    'partition state loaded',
  );
  const locator = new ExtentLocator(deps.manager, deps.directory);
  locator.learn((await deps.manager.getStream(streams.dataStreamId)).extents);
  const committer = new Committer(
    index,
    new CommitLog(log),
    replayed.lastSequence,
    (error) => deps.onFailed?.(descriptor.partitionId, error),
    replayed.lastExtentId,
  );
  const trimmer = new StreamTrimmer(
    { manager: deps.manager, streams: { log: streams.logStreamId, checkpoint: checkpointStreamId, meta: metaStreamId }, log: deps.log },
    placedRoot,
  );
  const checkpointer = new Checkpointer({
    partitionId: descriptor.partitionId,
    loadedSequence: root ? Number(root.sequence) : 0,
    workers: deps.workers,
    failpoints: deps.failpoints,
    committer,
    index,
    checkpointWriter: checkpoint,
    metaWriter: meta,
    range: { lowKey: descriptor.lowKey, highKey: descriptor.highKey },
    clock: deps.clock,
    log: deps.log,
    onCheckpoint: (placed) => trimmer.afterCheckpoint(placed),
  });
  return {
    index,
    committer,
    checkpointer,
    writers: { log, data, meta, checkpoint },
    locator,
    root,
    trimmer,
    streams: { logStreamId: streams.logStreamId, dataStreamId: streams.dataStreamId, metaStreamId, checkpointStreamId },
  };
}

/**
 * A root must hold every key of the partition that loads it: a partition's own roots and
 * those a split or merge wrote for it name its range exactly, so a root of a narrower range
 * means the checkpoint misses keys the partition serves.
 */
function assertRootCovers(root: partitionV1.PartitionRoot__Output, descriptor: partitionV1.Partition__Output): void {
  const fromBelow = compareKeys(root.lowKey, descriptor.lowKey) <= 0;
  const toAbove = root.highKey === '' || (descriptor.highKey !== '' && compareKeys(descriptor.highKey, root.highKey) <= 0);
  assert(
    fromBelow && toAbove,
    `partition ${descriptor.partitionId} [${descriptor.lowKey}, ${descriptor.highKey}) loads a root of [${root.lowKey}, ${root.highKey})`,
  );
}

/** The last root record of a meta stream, and the extent holding it: its last extent that holds anything. */
async function readRoot(
  deps: PartitionDeps,
  stream: streamV1.StreamInfo__Output,
): Promise<{ root: partitionV1.PartitionRoot__Output; extentId: string } | undefined> {
  for (const extent of [...stream.extents].reverse()) {
    if (!extent.sealed || Number(extent.sealedLengthBytes) === 0) continue;
    let last: Buffer | undefined;
    for await (const block of deps.reader.readRange({ extent, offset: 0, lengthBytes: Number(extent.sealedLengthBytes) })) last = joinParts(block.parts);
    if (last) return { root: partitionRootCodec.decode(last), extentId: extent.extentId };
  }
  return undefined;
}

/** Loads a root's checkpoint into the index, keeping the keys of this partition's range. */
async function loadCheckpoint(
  deps: PartitionDeps,
  root: partitionV1.PartitionRoot__Output,
  index: IndexStore,
  descriptor: partitionV1.Partition__Output,
): Promise<number> {
  const extents = new Map<string, streamV1.ExtentInfo__Output>();
  for (const extentId of new Set(root.checkpoint.map((pointer) => pointer.extentId))) extents.set(extentId, await deps.manager.getExtent(extentId));
  // The container whose blobs run across the partition's low key keeps its record in the
  // partition before; this one keeps a copy, so its puts can check the container exists.
  const spanning = spanningContainerKey(descriptor.lowKey);
  const inRange = (key: Buffer): boolean =>
    (compareKeys(key, descriptor.lowKey) >= 0 && (descriptor.highKey === '' || compareKeys(key, descriptor.highKey) < 0)) ||
    (spanning !== undefined && key.equals(spanning));
  let entries = 0;
  for await (const block of deps.reader.readBlockPayloads({ pointers: root.checkpoint, extents })) {
    const kept = checkpointBlockCodec.decode(block).entries.filter((entry) => inRange(entry.key));
    await index.putAll(kept);
    entries += kept.length;
  }
  return entries;
}
