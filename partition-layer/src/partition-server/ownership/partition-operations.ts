import { assert, Failpoints, rethrowIfAssertion, transact, warnDropped, type Clock, type Etcd3, type Logger } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { StreamWriter, type StreamManagerClient, type WriterDeps } from '@strata/stream-layer';
import { decodeMapEntry, encodeMapEntry, partitionKeys } from '../../etcd-keys.js';
import { PartitionError } from '../../errors.js';
import { compareKeys, splitPointFor } from '../../keys.js';
import { partitionRootCodec } from '../../records.js';
import type { Partition } from '../partition.js';

/** The partition server's named failure points for splits and merges (armed with --failpoints). */
export type PartitionOperationFailpoint =
  | 'partitionServer.split.afterCheckpoint'
  | 'partitionServer.split.afterChildren'
  | 'partitionServer.split.afterMap'
  | 'partitionServer.merge.afterCheckpoint'
  | 'partitionServer.merge.afterChild'
  | 'partitionServer.merge.afterMap';

export interface OperationDeps {
  serverId: string;
  etcd: Etcd3;
  prefix: string;
  manager: StreamManagerClient;
  writerDeps: WriterDeps;
  clock: Clock;
  log: Logger;
  failpoints: Failpoints<PartitionOperationFailpoint>;
}

interface NewPartition {
  partitionId: string;
  lowKey: string;
  highKey: string;
  /** Sealed extents its data and checkpoint streams start with. */
  shared: { data: string[]; checkpoint: string[] };
  root: partitionV1.PartitionRoot;
}

/**
 * Splits `parent` at `splitKey`: quiesces it, checkpoints it, seals its data and checkpoint
 * extents so the children can share them, creates the children's streams (theirs start with
 * the parent's extents: nothing is copied) and root records, then swaps parent for children in
 * the partition map in one transaction that checks the parent is still ours at its generation.
 * Before that transaction nothing has changed; after it the children are in the map.
 */
export async function splitPartition(deps: OperationDeps, parent: Partition, splitKey: string | undefined): Promise<partitionV1.PartitionChange> {
  const started = deps.clock.monotonicMs();
  const { lowKey, highKey } = parent.descriptor;
  // Never between a blob and its uploads: an upload must stay in its blob's partition.
  const chosen = splitKey || (await parent.middleKey());
  const key = chosen === undefined ? undefined : splitPointFor(chosen);
  if (key === undefined || compareKeys(key, lowKey) <= 0 || (highKey !== '' && compareKeys(key, highKey) >= 0)) {
    throw new PartitionError('INVALID_ARGUMENT', `no split key strictly inside partition ${parent.id}`);
  }
  await parent.quiesce();
  try {
    const root = await parent.checkpoint();
    await deps.failpoints.hit('partitionServer.split.afterCheckpoint');
    const shared = await parent.sealForSharing();
    const foreign = await parent.gc.foreignExtents();
    const [leftId, rightId] = await nextPartitionIds(deps, 2);
    // The children's indexes point where the parent's did: they hold what it held.
    await Promise.all([leftId!, rightId!].map((id) => deps.manager.holdExtents(id, foreign)));
    const children: NewPartition[] = [
      { partitionId: leftId!, lowKey, highKey: key, shared, root: { ...root, lowKey, highKey: key, logResumeExtentId: '' } },
      { partitionId: rightId!, lowKey: key, highKey, shared, root: { ...root, lowKey: key, highKey, logResumeExtentId: '' } },
    ];
    assertCovers(parent.descriptor, children);
    const descriptors = await Promise.all(children.map((child) => createPartitionStreams(deps, child)));
    await deps.failpoints.hit('partitionServer.split.afterChildren');
    await swapInMap(deps, [parent.descriptor], descriptors);
    await deps.failpoints.hit('partitionServer.split.afterMap');
    void retireStreams(deps, [{ partition: parent, held: foreign }]);
    const durationMs = Math.round(deps.clock.monotonicMs() - started);
    deps.log.info({ partitionId: parent.id, splitKey: key, children: [leftId, rightId], durationMs }, 'partition split');
    return { removed: [parent.id], added: [leftId!, rightId!], durationMs };
  } catch (error) {
    rethrowIfAssertion(error);
    parent.unquiesce();
    throw error;
  }
}

/**
 * Merges two adjacent partitions this server holds into one whose streams start with both
 * parents' sealed extents and whose root lists both checkpoints (left keys before right ones).
 */
export async function mergePartitions(deps: OperationDeps, left: Partition, right: Partition): Promise<partitionV1.PartitionChange> {
  const started = deps.clock.monotonicMs();
  if (left.descriptor.highKey === '' || left.descriptor.highKey !== right.descriptor.lowKey) {
    throw new PartitionError('INVALID_ARGUMENT', `partitions ${left.id} and ${right.id} are not adjacent`);
  }
  await Promise.all([left.quiesce(), right.quiesce()]);
  try {
    const [leftRoot, rightRoot] = await Promise.all([left.checkpoint(), right.checkpoint()]);
    await deps.failpoints.hit('partitionServer.merge.afterCheckpoint');
    const [leftShared, rightShared] = await Promise.all([left.sealForSharing(), right.sealForSharing()]);
    const [leftForeign, rightForeign] = await Promise.all([left.gc.foreignExtents(), right.gc.foreignExtents()]);
    const listed = new Set([...leftShared.data, ...rightShared.data]);
    const foreign = [...new Set([...leftForeign, ...rightForeign])].filter((id) => !listed.has(id));
    const [mergedId] = await nextPartitionIds(deps, 1);
    await deps.manager.holdExtents(mergedId!, foreign);
    // Checked as an argument above; asserted here, where a merge of two ranges with a gap or an
    // overlap between them would lose or duplicate keys.
    assert(
      left.descriptor.highKey !== '' && left.descriptor.highKey === right.descriptor.lowKey,
      `merged partitions ${left.id} and ${right.id} are not adjacent`,
    );
    const lowKey = left.descriptor.lowKey;
    const highKey = right.descriptor.highKey;
    const unique = (ids: string[]): string[] => [...new Set(ids)];
    const merged: NewPartition = {
      partitionId: mergedId!,
      lowKey,
      highKey,
      shared: { data: unique([...leftShared.data, ...rightShared.data]), checkpoint: unique([...leftShared.checkpoint, ...rightShared.checkpoint]) },
      root: {
        sequence: Math.max(Number(leftRoot.sequence), Number(rightRoot.sequence)),
        // Loaded in this order, a later entry replacing an earlier one. The two ranges share
        // no key but a container record: the right one's is a copy made at a split, which
        // container settings changed since do not update, so the left one's must win.
        checkpoint: [...(rightRoot.checkpoint ?? []), ...(leftRoot.checkpoint ?? [])],
        logResumeExtentId: '',
        lowKey,
        highKey,
        createdMs: deps.clock.nowMs(),
      },
    };
    const descriptor = await createPartitionStreams(deps, merged);
    await deps.failpoints.hit('partitionServer.merge.afterChild');
    await swapInMap(deps, [left.descriptor, right.descriptor], [descriptor]);
    await deps.failpoints.hit('partitionServer.merge.afterMap');
    void retireStreams(deps, [
      { partition: left, held: leftForeign },
      { partition: right, held: rightForeign },
    ]);
    const durationMs = Math.round(deps.clock.monotonicMs() - started);
    deps.log.info({ merged: [left.id, right.id], partitionId: mergedId, durationMs }, 'partitions merged');
    return { removed: [left.id, right.id], added: [mergedId!], durationMs };
  } catch (error) {
    rethrowIfAssertion(error);
    left.unquiesce();
    right.unquiesce();
    throw error;
  }
}

/**
 * The new partitions of a split or merge cover exactly the range of those they replace, in
 * order, with no gap, overlap or empty range: otherwise the map would lose keys or give one
 * key two partitions.
 */
function assertCovers(range: { lowKey: string; highKey: string }, parts: readonly { partitionId?: string; lowKey?: string; highKey?: string }[]): void {
  const ranges = parts.map((part) => `[${part.lowKey}, ${part.highKey})`).join(' ');
  assert(
    parts.length > 0 && parts[0]!.lowKey === range.lowKey && parts.at(-1)!.highKey === range.highKey,
    `${ranges} do not span [${range.lowKey}, ${range.highKey})`,
  );
  parts.forEach((part, i) => {
    assert(part.highKey === '' || compareKeys(part.lowKey ?? '', part.highKey ?? '') < 0, `partition ${part.partitionId} would have an empty range ${ranges}`);
    if (i > 0) assert(parts[i - 1]!.highKey === part.lowKey, `${ranges} leave a gap or overlap`);
  });
}

/** New partition ids from the map's counter (the first partition is p-1). */
async function nextPartitionIds(deps: OperationDeps, count: number): Promise<string[]> {
  const key = partitionKeys(deps.prefix).partitionCounter;
  const last = await transact(deps.etcd, async (tx) => {
    const current = Number((await tx.get(key).string()) ?? '1');
    await tx.put(key).value(String(current + count));
    return current;
  });
  return Array.from({ length: count }, (_, i) => `p-${last + i + 1}`);
}

/** Creates a new partition's four streams and writes its root record; returns its map entry (unassigned). */
async function createPartitionStreams(deps: OperationDeps, partition: NewPartition): Promise<partitionV1.Partition> {
  const id = partition.partitionId;
  const [log, data, checkpoint, meta] = await Promise.all([
    deps.manager.createStream(`${id}/log`),
    deps.manager.createStream(`${id}/data`, partition.shared.data),
    deps.manager.createStream(`${id}/checkpoint`, partition.shared.checkpoint),
    deps.manager.createStream(`${id}/meta`),
  ]);
  const writer = await StreamWriter.open({ ...deps.writerDeps, streamId: meta.streamId });
  try {
    await writer.append([partitionRootCodec.encode(partition.root)]);
  } finally {
    await writer.close();
  }
  return {
    partitionId: id,
    lowKey: partition.lowKey,
    highKey: partition.highKey,
    streams: { logStreamId: log.streamId, dataStreamId: data.streamId, metaStreamId: meta.streamId, checkpointStreamId: checkpoint.streamId },
    ownerId: deps.serverId,
    generation: 0,
    // Its keys were served by this server's parent partition(s) until the swap: no one else's
    // read fence to wait out.
    previousOwnerId: deps.serverId,
  };
}

/**
 * The commit point: removes `before` and adds `after` (owned by this server) in one etcd
 * transaction, if every `before` entry is still this server's at the generation it loaded.
 */
async function swapInMap(deps: OperationDeps, before: partitionV1.Partition__Output[], after: partitionV1.Partition[]): Promise<void> {
  assertCovers({ lowKey: before[0]!.lowKey, highKey: before.at(-1)!.highKey }, after);
  for (let i = 1; i < before.length; i++) assert(before[i - 1]!.highKey === before[i]!.lowKey, 'the partitions an operation replaces are adjacent');
  const keys = partitionKeys(deps.prefix);
  await transact(deps.etcd, async (tx) => {
    let generation = 0;
    for (const old of before) {
      const raw = await tx.get(keys.partition(old.partitionId)).string();
      const current = raw === null ? undefined : decodeMapEntry(raw);
      if (current?.ownerId !== deps.serverId || current.generation !== old.generation)
        throw new PartitionError('NOT_OWNER', `partition ${old.partitionId} moved during the operation`);
      generation = Math.max(generation, current.generation);
    }
    for (const old of before) await tx.delete().key(keys.partition(old.partitionId));
    for (const added of after) await tx.put(keys.partition(added.partitionId!)).value(encodeMapEntry({ ...added, generation: generation + 1 }));
  });
}

/**
 * Forgets the streams of partitions that left the map, and drops their holds; extents their
 * successors share (or hold) stay. What fails here is left for the collector (a hold whose
 * holder left the map is dropped after a grace period).
 */
async function retireStreams(deps: OperationDeps, gone: { partition: Partition; held: string[] }[]): Promise<void> {
  for (const { partition, held } of gone) {
    for (const streamId of Object.values(partition.streams)) {
      await deps.manager.deleteStream(streamId).catch(warnDropped(deps.log, 'stream not retired', { partitionId: partition.id, streamId }));
    }
    await deps.manager.releaseHolds(partition.id, held).catch(warnDropped(deps.log, 'holds not released', { partitionId: partition.id }));
  }
}
