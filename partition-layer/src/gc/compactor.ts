import { ignoreError, type Clock, type Failpoints, type Logger } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import { consecutiveRuns, joinParts, type ExtentReader, type StreamWriter } from '@strata/stream-layer';
import { COMPACTION_APPENDS_IN_FLIGHT_MAX, COMPACTION_COMMIT_BYTES_MAX, COMPACTION_READ_BYTES_MAX, COMPACTION_RECORDS_PER_COMMIT_MAX } from '../limits.js';
import type { IndexView } from '../partition-server/commit/committer.js';
import type { ExtentLocator } from '../partition-server/extent-locator.js';
import type { IndexStore } from '../partition-server/commit/index-store.js';
import type { RateLimiter } from './rate-limiter.js';
import { blockBytes, pointersOf, withPointers } from './record-pointers.js';

/** The partition server's named failure points inside a compaction (armed with --failpoints). */
export type CompactionFailpoint =
  'partitionServer.compaction.afterRewrite' | 'partitionServer.compaction.beforeIndexUpdate' | 'partitionServer.compaction.afterIndexUpdate';

/** What a rewrite pass needs of its partition. */
export interface RewriteContext {
  index: IndexStore;
  /** Commits mutations through the partition's committer (see Committer.commit). */
  commit: <Result>(prepare: (view: IndexView) => Promise<{ mutations: partitionV1.IndexMutation[]; result: Result }>) => Promise<Result>;
  dataWriter: StreamWriter;
  reader: ExtentReader;
  locator: ExtentLocator;
  limiter: RateLimiter;
  failpoints: Failpoints<CompactionFailpoint>;
  clock: Clock;
  log: Logger;
  /** True once the rewrite must stop at the next record (pause, split, move, close). */
  shouldStop: () => boolean;
}

export interface PassResult {
  records: number;
  bytes: number;
  /** Records changed (overwritten, deleted) while their blocks were copied: left as they were. */
  skipped: number;
  /** The pass stopped early: asked to, or out of byte budget. */
  stopped: boolean;
}

interface Rewrite {
  key: Buffer;
  value: Buffer;
  pointers: Promise<streamV1.BlockPointer>[];
  bytes: number;
}

/**
 * One pass over a snapshot of the index: every entry pointing into `targets` gets those blocks
 * copied to the open end of the data stream, then its record swapped for one with the new
 * pointers, in batches, each one commit-log record. A record is swapped only if it is still
 * byte for byte what the snapshot held (checked under the partition's lock), so a PUT or
 * DELETE that raced the copy wins and is never undone; the copied bytes are then garbage.
 */
export async function rewritePass(ctx: RewriteContext, targets: ReadonlySet<string>, budgetBytes: number): Promise<PassResult> {
  const result: PassResult = { records: 0, bytes: 0, skipped: 0, stopped: false };
  const window = new Set<Promise<unknown>>();
  let batch: Rewrite[] = [];
  let batchBytes = 0;
  for await (const [key, value] of ctx.index.snapshotEntries()) {
    const pointers = pointersOf(key, value);
    if (!pointers.some((pointer) => targets.has(pointer.extentId))) continue;
    if (ctx.shouldStop() || result.bytes >= budgetBytes) {
      result.stopped = true;
      break;
    }
    const rewrite = await copyBlocks(ctx, { key, value, pointers, targets, window });
    result.bytes += rewrite.bytes;
    batch.push(rewrite);
    batchBytes += key.length + value.length;
    if (batch.length >= COMPACTION_RECORDS_PER_COMMIT_MAX || batchBytes >= COMPACTION_COMMIT_BYTES_MAX) {
      await commitBatch(ctx, batch, result);
      batch = [];
      batchBytes = 0;
    }
  }
  await commitBatch(ctx, batch, result);
  return result;
}

/** Reads the record's blocks in `targets` and appends them to the data stream (kept in flight up to a window). */
async function copyBlocks(
  ctx: RewriteContext,
  entry: { key: Buffer; value: Buffer; pointers: streamV1.BlockPointer__Output[]; targets: ReadonlySet<string>; window: Set<Promise<unknown>> },
): Promise<Rewrite> {
  const rewrite: Rewrite = { key: entry.key, value: entry.value, pointers: [], bytes: 0 };
  const copies: Promise<streamV1.BlockPointer>[] = [];
  for (const slice of slices(entry.pointers.filter((pointer) => entry.targets.has(pointer.extentId)))) {
    // Paced before the read, so a read call never waits on the limiter past its deadline.
    await ctx.limiter.take(slice.reduce((sum, pointer) => sum + blockBytes(pointer), 0));
    for (const run of consecutiveRuns(slice)) {
      const [extent] = await ctx.locator.describe([run.extentId]);
      for await (const block of ctx.reader.readRange({ extent: extent as streamV1.ExtentInfo__Output, offset: run.offset, lengthBytes: run.lengthBytes })) {
        while (entry.window.size >= COMPACTION_APPENDS_IN_FLIGHT_MAX) await Promise.race(entry.window);
        const append = ctx.dataWriter.append([joinParts(block.parts)]).then(([pointer]) => pointer!);
        // The window only bounds the appends in flight: their failures come out at the batch's commit.
        const tracked: Promise<unknown> = append.catch(ignoreError).finally(() => entry.window.delete(tracked));
        entry.window.add(tracked);
        copies.push(append);
        rewrite.bytes += blockBytes({ dataBytes: block.dataBytes });
      }
    }
  }
  let next = 0;
  rewrite.pointers = entry.pointers.map((pointer) => (entry.targets.has(pointer.extentId) ? copies[next++]! : Promise.resolve(pointer)));
  for (const copy of copies) copy.catch(ignoreError); // awaited at the batch's commit, which reports a failure
  return rewrite;
}

/** Pointers in slices of at most COMPACTION_READ_BYTES_MAX (a block larger than that alone). */
function slices(pointers: streamV1.BlockPointer__Output[]): streamV1.BlockPointer__Output[][] {
  const result: streamV1.BlockPointer__Output[][] = [];
  let bytes = Infinity;
  for (const pointer of pointers) {
    if (bytes + blockBytes(pointer) > COMPACTION_READ_BYTES_MAX) {
      result.push([]);
      bytes = 0;
    }
    result.at(-1)!.push(pointer);
    bytes += blockBytes(pointer);
  }
  return result;
}

/** Waits for the batch's copies, then swaps every record still unchanged, in one commit. */
async function commitBatch(ctx: RewriteContext, batch: Rewrite[], result: PassResult): Promise<void> {
  if (batch.length === 0) return;
  const swapped = await Promise.all(
    batch.map(async (rewrite) => ({ ...rewrite, next: withPointers(rewrite.key, rewrite.value, await Promise.all(rewrite.pointers)) })),
  );
  // The copies are durable here; nothing points at them yet.
  await ctx.failpoints.hit('partitionServer.compaction.afterRewrite');
  const applied = await ctx.commit(async (view) => {
    const mutations: partitionV1.IndexMutation[] = [];
    for (const rewrite of swapped) {
      const current = await view.get(rewrite.key);
      if (current?.equals(rewrite.value)) mutations.push({ key: rewrite.key, value: rewrite.next });
    }
    // Under the partition's lock, the swap decided but not yet in the commit log.
    await ctx.failpoints.hit('partitionServer.compaction.beforeIndexUpdate');
    return { mutations, result: mutations.length };
  });
  await ctx.failpoints.hit('partitionServer.compaction.afterIndexUpdate');
  result.records += applied;
  result.skipped += batch.length - applied;
}
