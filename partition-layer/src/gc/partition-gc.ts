import { errorMessage, ignoreError, rethrowIfAssertion } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import type { StreamManagerClient } from '@strata/stream-layer';
import { PartitionError } from '../errors.js';
import { COMPACTION_BYTES_PER_CALL_MAX, COMPACTION_PASSES_MAX, HOLD_RECONCILE_GRACE_MS } from '../limits.js';
import type { Committer } from '../partition-server/commit/committer.js';
import { rewritePass, type RewriteContext } from './compactor.js';
import { referencedBytes, usageOf } from './usage-scan.js';

export interface PartitionGcContext extends RewriteContext {
  partitionId: string;
  generation: number;
  committer: Committer;
  manager: StreamManagerClient;
  dataStreamId: string;
}

/**
 * Space reclamation for one partition: the mark phase (`usage`), compaction (`compact`), and
 * the rule that keeps extents other partitions point into alive (`protect`).
 *
 * The rule: an extent is collected only when no stream lists it and nobody holds it (the
 * stream manager's side). A partition's data stream lists the extents it wrote or shares (a
 * split's children list their parent's); a partition whose index points into an extent its
 * data stream does not list — or lists but is releasing — holds it. So a partition may drop an
 * extent from its own stream as soon as its own index no longer points into it, whatever other
 * partitions do: they either list the extent themselves or hold it.
 */
export class PartitionGc {
  /** Extents this partition is about to release: a copy committing now must hold them. */
  private readonly releasing = new Set<string>();
  /** Extents this partition released: an upload still in flight may have written into them. */
  private readonly released = new Set<string>();
  private running: Promise<unknown> = Promise.resolve();
  /**
   * When `protect` last ran for each extent (monotonic ms): a release decided from an index
   * scan older than that must leave the extent's hold alone, since the copy's record may not
   * be in the scan.
   */
  private readonly protectedAt = new Map<string, number>();
  /** Release calls in flight: `protect` waits for them, so that its hold lands after, never before, a release. */
  private releases: Promise<unknown> = Promise.resolve();
  /**
   * Extents this partition's hold is on, as placed by `protect` and not dropped since: a
   * protect of them asks the stream manager nothing (every PUT whose blocks the front-end wrote
   * to its own stream is protected, and they share a few extents). Dropped from here, with no
   * await in between, where a release of this partition's holds is decided.
   */
  private readonly holding = new Set<string>();

  constructor(private readonly ctx: PartitionGcContext) {}

  /**
   * Scans the index (after every accepted mutation is applied) and returns the partition's
   * usage: bytes referenced per extent of its data stream, and in any other extent. Also drops
   * this partition's holds its index no longer needs (once older than HOLD_RECONCILE_GRACE_MS).
   */
  async usage(): Promise<partitionV1.PartitionUsage> {
    const openExtent = { extentId: this.ctx.dataWriter.currentExtent.extentId, appendedBytes: this.ctx.dataWriter.appendedBytes };
    const scanMs = this.ctx.clock.monotonicMs();
    const { sequence, taken } = await this.ctx.committer.barrier(() => this.ctx.index.snapshotEntries());
    const referenced = await referencedBytes(taken);
    const [dataStream, held] = await Promise.all([this.ctx.manager.getStream(this.ctx.dataStreamId), this.ctx.manager.heldExtents(this.ctx.partitionId)]);
    await this.dropUnneededHolds(held, referenced, scanMs);
    return usageOf({
      partitionId: this.ctx.partitionId,
      generation: this.ctx.generation,
      sequence,
      scannedMs: this.ctx.clock.nowMs(),
      referenced,
      dataStream,
      openExtent,
    });
  }

  private async dropUnneededHolds(held: streamV1.ExtentInfo__Output[], referenced: ReadonlyMap<string, number>, scanMs: number): Promise<void> {
    const now = this.ctx.clock.nowMs();
    this.forgetOldProtections();
    const unneeded = held
      .filter((extent) => !referenced.has(extent.extentId) && !this.protectedSince(extent.extentId, scanMs))
      .filter((extent) => extent.holds.some((hold) => hold.holder === this.ctx.partitionId && now - hold.heldMs > HOLD_RECONCILE_GRACE_MS))
      .map((extent) => extent.extentId);
    if (unneeded.length === 0) return;
    for (const id of unneeded) this.holding.delete(id);
    // Decided and sent with no await in between: a protect from now on waits for it.
    await this.release(() => this.ctx.manager.releaseHolds(this.ctx.partitionId, unneeded));
    this.ctx.log.info({ extentIds: unneeded }, 'holds no longer needed released');
  }

  /**
   * For a record that gets pointers this partition did not write (a copy, a part copied from
   * another blob): holds every extent of `pointers` that its data stream does not list, or is
   * releasing. Call it inside the commit's prepare (under the partition's lock), before the
   * record is logged. Fails with the stream layer's EXTENT_COLLECTING or EXTENT_NOT_FOUND when
   * an extent is already condemned or gone: the caller must read fresh pointers and try again.
   */
  async protect(pointers: readonly streamV1.BlockPointer[]): Promise<void> {
    const extentIds = new Set(pointers.map((pointer) => pointer.extentId ?? ''));
    extentIds.delete('');
    if (extentIds.size === 0) return;
    const now = this.ctx.clock.monotonicMs();
    for (const id of extentIds) this.protectedAt.set(id, now);
    await this.releases;
    const unknown = [...extentIds].filter((id) => !this.holding.has(id) || this.releasing.has(id));
    if (unknown.length === 0) return;
    const own = new Set((await this.ctx.manager.getStream(this.ctx.dataStreamId)).extents.map((extent) => extent.extentId));
    const needed = unknown.filter((id) => !own.has(id) || this.releasing.has(id));
    await this.ctx.manager.holdExtents(this.ctx.partitionId, needed);
    for (const id of needed) this.holding.add(id);
  }

  /**
   * For a record of blocks this partition wrote (a PUT, an uploaded part): refuses it if one of
   * its extents is being or was released. An upload in flight writes blocks no record points
   * at yet, so compaction may release their extent (it holds only garbage, as far as the
   * index tells); committing pointers into it then would lose the blob once the extent is
   * collected. Call it inside the commit's prepare (under the partition's lock); the client's
   * retry writes the bytes again, into the open extent.
   * @throws PartitionError UNAVAILABLE
   */
  checkWritten(pointers: readonly streamV1.BlockPointer[]): void {
    for (const pointer of pointers) {
      const extentId = pointer.extentId ?? '';
      if (this.releasing.has(extentId) || this.released.has(extentId)) {
        throw new PartitionError('UNAVAILABLE', `extent ${extentId} of this upload was compacted away while it ran; send it again`);
      }
    }
  }

  /** Runs a release call, which every later `protect` waits for. */
  private release<T>(call: () => Promise<T>): Promise<T> {
    const sent = call();
    this.releases = Promise.allSettled([this.releases, sent]);
    return sent;
  }

  private protectedSince(extentId: string, sinceMs: number): boolean {
    return (this.protectedAt.get(extentId) ?? -Infinity) >= sinceMs;
  }

  /** Protections older than any scan still running matter no more. */
  private forgetOldProtections(): void {
    const before = this.ctx.clock.monotonicMs() - 2 * HOLD_RECONCILE_GRACE_MS;
    for (const [id, at] of this.protectedAt) if (at < before) this.protectedAt.delete(id);
  }

  /** Extents the index points into that the data stream does not list (a split's children hold them). */
  async foreignExtents(): Promise<string[]> {
    const { taken } = await this.ctx.committer.barrier(() => this.ctx.index.snapshotEntries());
    const referenced = await referencedBytes(taken);
    const own = new Set((await this.ctx.manager.getStream(this.ctx.dataStreamId)).extents.map((extent) => extent.extentId));
    return [...referenced.keys()].filter((id) => !own.has(id));
  }

  /** See PartitionServer.CompactPartition. One compaction of a partition at a time. */
  compact(extentIds: readonly string[]): Promise<partitionV1.CompactPartitionResponse> {
    const run = this.running.then(() => this.compactNow(new Set(extentIds)));
    // The caller gets the error; this only orders the compactions.
    this.running = run.then(() => undefined, ignoreError);
    return run;
  }

  /** Resolves once no compaction runs (callers first make `shouldStop` true). */
  async stopped(): Promise<void> {
    await this.running;
  }

  private async compactNow(targets: Set<string>): Promise<partitionV1.CompactPartitionResponse> {
    const started = this.ctx.clock.monotonicMs();
    const totals = { records: 0, bytes: 0, skipped: 0 };
    const released: string[] = [];
    let remaining = targets;
    if (remaining.has(this.ctx.dataWriter.currentExtent.extentId)) await this.ctx.dataWriter.rollOver();
    for (let pass = 0; pass < COMPACTION_PASSES_MAX && remaining.size > 0 && !this.ctx.shouldStop(); pass++) {
      const result = await rewritePass(this.ctx, remaining, COMPACTION_BYTES_PER_CALL_MAX - totals.bytes);
      totals.records += result.records;
      totals.bytes += result.bytes;
      totals.skipped += result.skipped;
      if (result.stopped) break;
      remaining = await this.releaseUnreferenced(remaining, released);
    }
    const durationMs = Math.round(this.ctx.clock.monotonicMs() - started);
    const kept = [...targets].filter((id) => !released.includes(id));
    const mibPerSecond = durationMs > 0 ? totals.bytes / 1048576 / (durationMs / 1000) : 0;
    this.ctx.log.info({ ...totals, released, kept, durationMs, mibPerSecond: Number(mibPerSecond.toFixed(1)) }, 'compaction finished');
    return { recordsRewritten: totals.records, bytesRewritten: totals.bytes, releasedExtentIds: released, keptExtentIds: kept, durationMs };
  }

  /**
   * Marks `targets` as releasing under the partition's lock (a copy committing from then on
   * holds them), scans the index as of that point, and releases every target it no longer
   * points into: dropped from the data stream, or this partition's hold dropped. Returns the
   * targets still pointed into.
   */
  private async releaseUnreferenced(targets: ReadonlySet<string>, released: string[]): Promise<Set<string>> {
    const scanMs = this.ctx.clock.monotonicMs();
    const { taken } = await this.ctx.committer.barrier(() => {
      for (const id of targets) this.releasing.add(id);
      return this.ctx.index.snapshotEntries();
    });
    try {
      const referenced = await referencedBytes(taken);
      const free = [...targets].filter((id) => !referenced.has(id));
      if (free.length === 0) return new Set(targets);
      const stream = await this.ctx.manager.getStream(this.ctx.dataStreamId);
      // Stopping (moved, split, lease in doubt): another owner's index may point into these now.
      if (this.ctx.shouldStop()) return new Set(targets);
      const own = free.filter((id) => stream.extents.some((extent) => extent.extentId === id));
      // A copy that held one of these since the scan keeps its hold (its record may not be in
      // the scan); dropping the extent from the stream is safe either way. Decided and sent
      // with no await in between: a protect from now on waits for it.
      const holds = free.filter((id) => !own.includes(id) && !this.protectedSince(id, scanMs));
      // Refused to uploads from now on, even if the call below fails halfway (conservative).
      for (const id of own) this.released.add(id);
      for (const id of holds) this.holding.delete(id);
      await this.release(async () => {
        if (own.length > 0) await this.ctx.manager.releaseExtents(this.ctx.dataStreamId, own);
        if (holds.length > 0) await this.ctx.manager.releaseHolds(this.ctx.partitionId, holds);
      });
      const done = [...own, ...holds];
      released.push(...done);
      this.ctx.log.info({ released: own, holdsReleased: holds }, 'extents released');
      return new Set([...targets].filter((id) => !done.includes(id)));
    } catch (error) {
      rethrowIfAssertion(error);
      this.ctx.log.warn({ err: errorMessage(error), targets: [...targets] }, 'extents not released; the next round retries');
      return new Set(targets);
    } finally {
      for (const id of targets) this.releasing.delete(id);
    }
  }
}
