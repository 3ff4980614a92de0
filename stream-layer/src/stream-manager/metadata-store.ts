import { assert } from '@strata/common';
import { streamKeys } from '../etcd-keys.js';
import { StreamError } from '../errors.js';
import type { MetadataKv, MetadataTx } from './metadata-kv.js';

/** A stream as recorded in etcd: its extents in order; only the last may be unsealed. */
export interface StreamRecord {
  streamId: string;
  name: string;
  extentIds: string[];
  /** Grows at every take-over by a writer; absent (0) until the first. */
  writerEpoch?: number;
}

/** An extent as recorded in etcd. Its replica set never changes while it is unsealed. */
export interface ExtentRecord {
  extentId: string;
  /** Node ids, head first. */
  replicas: string[];
  sealed: boolean;
  sealedLengthBytes: number;
  createdMs?: number;
  /** Holders keeping the extent from collection, with when each last took its hold. */
  holds?: Record<string, number>;
  /**
   * When the manager found the extent unlisted by any stream and unheld: from then it refuses
   * holds and shares, and deletes the extent once the garbage grace period has passed.
   */
  condemnedMs?: number;
  /** Streams that took the extent as shared (CreateStream): a change a racing condemnation sees. */
  shares?: number;
}

/** Whether anybody holds the extent. */
export function isHeld(extent: ExtentRecord): boolean {
  return Object.keys(extent.holds ?? {}).length > 0;
}

/**
 * The stream manager's durable state (etcd, through MetadataKv). Every change is one
 * transaction (reads are checked at commit, and the transaction is retried if they changed),
 * so a stream and its extents always change together. Every change also
 * reads the writer's own leadership key: a deposed leader's transaction finds it gone (or
 * fails its commit check when it vanishes meanwhile) and changes nothing, so it can never
 * overwrite what its successor wrote.
 */
export class MetadataStore {
  private readonly keys: ReturnType<typeof streamKeys>;

  constructor(
    private readonly kv: MetadataKv,
    prefix: string,
  ) {
    this.keys = streamKeys(prefix);
  }

  private asLeader<T>(body: (tx: MetadataTx) => Promise<T>): Promise<T> {
    return this.kv.asLeader(body);
  }

  /** The next id of `kind`, unique in the stamp. */
  async nextId(kind: 'stream' | 'extent'): Promise<string> {
    const key = this.keys.counter(kind);
    const next = await this.asLeader(async (tx) => {
      const current = Number((await tx.get(key)) ?? '0');
      await tx.put(key, String(current + 1));
      return current + 1;
    });
    return `${kind === 'stream' ? 's' : 'e'}-${next}`;
  }

  async streamIdByName(name: string): Promise<string | undefined> {
    return (await this.kv.get(this.keys.name(name))) ?? undefined;
  }

  async stream(streamId: string): Promise<StreamRecord> {
    const raw = await this.kv.get(this.keys.stream(streamId));
    if (raw === null) throw new StreamError('STREAM_NOT_FOUND', `no stream ${streamId}`);
    return JSON.parse(raw) as StreamRecord;
  }

  async extent(extentId: string): Promise<ExtentRecord> {
    const raw = await this.kv.get(this.keys.extent(extentId));
    if (raw === null) throw new StreamError('EXTENT_NOT_FOUND', `no extent ${extentId}`);
    return JSON.parse(raw) as ExtentRecord;
  }

  async extents(extentIds: readonly string[]): Promise<ExtentRecord[]> {
    return Promise.all(extentIds.map((id) => this.extent(id)));
  }

  async allStreams(): Promise<StreamRecord[]> {
    return (await this.kv.values(this.keys.streams)).map((raw) => JSON.parse(raw) as StreamRecord);
  }

  /**
   * Records a new stream with its first extent, unless the name is taken: then returns the id
   * of the stream that has it (the new extent is left unreferenced).
   */
  async createStream(stream: StreamRecord, firstExtent: ExtentRecord): Promise<string> {
    return this.asLeader(async (tx) => {
      const existing = await tx.get(this.keys.name(stream.name));
      if (existing !== null) return existing;
      // Read in the transaction, so a condemnation racing this share conflicts with it; and
      // rewritten (one more share), so a condemnation planned before it stands down.
      for (const sharedId of stream.extentIds.filter((id) => id !== firstExtent.extentId)) {
        const raw = await tx.get(this.keys.extent(sharedId));
        if (raw === null) throw new StreamError('EXTENT_NOT_FOUND', `no extent ${sharedId}`);
        const shared = JSON.parse(raw) as ExtentRecord;
        if (shared.condemnedMs !== undefined) throw new StreamError('EXTENT_COLLECTING', `extent ${sharedId} is being collected and cannot be shared`);
        await tx.put(this.keys.extent(sharedId), JSON.stringify({ ...shared, shares: (shared.shares ?? 0) + 1 }));
      }
      await tx.put(this.keys.extent(firstExtent.extentId), JSON.stringify(firstExtent));
      await tx.put(this.keys.stream(stream.streamId), JSON.stringify(stream));
      await tx.put(this.keys.name(stream.name), stream.streamId);
      return stream.streamId;
    });
  }

  /**
   * Records the seal of the stream's last extent `sealed` (unless a seal is recorded already,
   * which then stands) and appends `next` if given, provided `sealed` is still the stream's
   * last extent; returns false (and changes nothing) otherwise. A stream may end sealed for a
   * while when no node had room for a new extent: the next seal call appends one.
   */
  async sealAndAppend(options: { streamId: string; sealed: ExtentRecord; next?: ExtentRecord; writer: WriterClaim }): Promise<boolean> {
    return this.asLeader(async (tx) => {
      const raw = await tx.get(this.keys.stream(options.streamId));
      if (raw === null) throw new StreamError('STREAM_NOT_FOUND', `no stream ${options.streamId}`);
      const stream = JSON.parse(raw) as StreamRecord;
      const epoch = stream.writerEpoch ?? 0;
      if (options.writer.takeOver ? options.writer.epoch !== epoch + 1 : options.writer.epoch !== epoch)
        throw fenced(options.streamId, options.writer.epoch, epoch);
      if (stream.extentIds.at(-1) !== options.sealed.extentId) return false;
      assert(options.sealed.sealed, `extent ${options.sealed.extentId} recorded as sealed must be sealed`);
      const currentRaw = await tx.get(this.keys.extent(options.sealed.extentId));
      const current = currentRaw === null ? undefined : (JSON.parse(currentRaw) as ExtentRecord);
      // A seal computed before this manager lost and won leadership again may find the extent
      // sealed since, maybe at another length (each seal takes the shortest frozen length it
      // could reach): the recorded length stands, for good.
      // The seal changes only the seal fields of the record as it is now: holds and shares
      // taken while the extent was open (a copy of a blob still in it) stay.
      if (!current?.sealed) {
        const record = current ? { ...current, sealed: true, sealedLengthBytes: options.sealed.sealedLengthBytes } : options.sealed;
        await tx.put(this.keys.extent(options.sealed.extentId), JSON.stringify(record));
      }
      if (options.next) {
        stream.extentIds.push(options.next.extentId);
        await tx.put(this.keys.extent(options.next.extentId), JSON.stringify(options.next));
      }
      if (options.next || options.writer.takeOver) {
        assert(options.writer.epoch >= epoch, `stream ${options.streamId} writer epoch going back from ${epoch} to ${options.writer.epoch}`);
        stream.writerEpoch = options.writer.epoch;
        await tx.put(this.keys.stream(options.streamId), JSON.stringify(stream));
      }
      return true;
    });
  }

  async allExtents(): Promise<ExtentRecord[]> {
    return (await this.kv.values(this.keys.extents)).map((raw) => JSON.parse(raw) as ExtentRecord);
  }

  /**
   * Records a copied replica: `add` joins the extent's replica set, in place of `replaces` if
   * given. Only for sealed extents (an unsealed extent's set never changes). A copy planned
   * from a view the set has left behind (`replaces` already replaced, or the set already at
   * `countMax`) is refused, so two copies made for one missing replica never both join: the
   * copy left out is an unlisted replica, which repair deletes.
   */
  async replaceReplica(options: { extentId: string; add: string; replaces?: string; countMax: number }): Promise<ExtentRecord> {
    return this.asLeader(async (tx) => {
      const raw = await tx.get(this.keys.extent(options.extentId));
      if (raw === null) throw new StreamError('EXTENT_NOT_FOUND', `no extent ${options.extentId}`);
      const extent = JSON.parse(raw) as ExtentRecord;
      if (!extent.sealed) throw new StreamError('INVALID_ARGUMENT', `extent ${options.extentId} is not sealed`);
      if (options.replaces !== undefined ? !extent.replicas.includes(options.replaces) : extent.replicas.length >= options.countMax) {
        throw new StreamError(
          'INVALID_ARGUMENT',
          `extent ${options.extentId} changed since the copy to ${options.add} was planned (replicas ${extent.replicas.join(', ')})`,
        );
      }
      const kept = extent.replicas.filter((nodeId) => nodeId !== options.replaces && nodeId !== options.add);
      const next = { ...extent, replicas: [...kept, options.add] };
      await tx.put(this.keys.extent(options.extentId), JSON.stringify(next));
      return next;
    });
  }

  /** Drops a stream's record and name; its extents stay until nothing references them. */
  async deleteStream(streamId: string): Promise<void> {
    await this.asLeader(async (tx) => {
      const raw = await tx.get(this.keys.stream(streamId));
      if (raw === null) return;
      const stream = JSON.parse(raw) as StreamRecord;
      await tx.delete(this.keys.stream(streamId));
      await tx.delete(this.keys.name(stream.name));
    });
  }

  /**
   * Drops `extentIds` from the stream's list (see StreamManager.ReleaseExtents): each must be
   * sealed and not the last; ids the stream does not list are ignored. Returns the stream.
   */
  async releaseExtents(streamId: string, extentIds: readonly string[]): Promise<StreamRecord> {
    return this.asLeader(async (tx) => {
      const raw = await tx.get(this.keys.stream(streamId));
      if (raw === null) throw new StreamError('STREAM_NOT_FOUND', `no stream ${streamId}`);
      const stream = JSON.parse(raw) as StreamRecord;
      const dropped = new Set(extentIds.filter((id) => stream.extentIds.includes(id)));
      if (dropped.size === 0) return stream;
      if (dropped.has(stream.extentIds.at(-1)!))
        throw new StreamError('INVALID_ARGUMENT', `extent ${stream.extentIds.at(-1)} is the last of stream ${streamId}`);
      for (const extentId of dropped) {
        const extent = await tx.get(this.keys.extent(extentId));
        if (extent !== null && !(JSON.parse(extent) as ExtentRecord).sealed) throw new StreamError('INVALID_ARGUMENT', `extent ${extentId} is not sealed`);
      }
      const next = { ...stream, extentIds: stream.extentIds.filter((id) => !dropped.has(id)) };
      await tx.put(this.keys.stream(streamId), JSON.stringify(next));
      return next;
    });
  }

  /**
   * Records `holder`'s hold on every extent, at `nowMs`, or on none: fails with
   * EXTENT_NOT_FOUND for an extent without a record and EXTENT_COLLECTING for a condemned one.
   */
  async holdExtents(holder: string, extentIds: readonly string[], nowMs: number): Promise<void> {
    await this.asLeader(async (tx) => {
      const updates: ExtentRecord[] = [];
      for (const extentId of new Set(extentIds)) {
        const raw = await tx.get(this.keys.extent(extentId));
        if (raw === null) throw new StreamError('EXTENT_NOT_FOUND', `no extent ${extentId}`);
        const extent = JSON.parse(raw) as ExtentRecord;
        if (extent.condemnedMs !== undefined) throw new StreamError('EXTENT_COLLECTING', `extent ${extentId} is being collected`);
        updates.push({ ...extent, holds: { ...extent.holds, [holder]: nowMs } });
      }
      for (const extent of updates) await tx.put(this.keys.extent(extent.extentId), JSON.stringify(extent));
    });
  }

  /** Drops `holder`'s holds on the extents; extents it does not hold (or gone) are skipped. */
  async releaseHolds(holder: string, extentIds: readonly string[]): Promise<void> {
    await this.asLeader(async (tx) => {
      for (const extentId of new Set(extentIds)) {
        const raw = await tx.get(this.keys.extent(extentId));
        if (raw === null) continue;
        const extent = JSON.parse(raw) as ExtentRecord;
        if (extent.holds?.[holder] === undefined) continue;
        const { [holder]: _released, ...holds } = extent.holds;
        await tx.put(this.keys.extent(extentId), JSON.stringify({ ...extent, holds }));
      }
    });
  }

  /**
   * Condemns an extent the caller found unlisted by every stream, as its record was then
   * (`seen`): only if the record is still exactly that and nobody holds it. Holds and shares
   * (CreateStream) rewrite the record in their transaction, so one racing this either lands
   * first (the record differs: no condemnation) or fails with EXTENT_COLLECTING. Returns
   * whether the extent is condemned now.
   */
  async condemnExtent(seen: ExtentRecord, nowMs: number): Promise<boolean> {
    return this.asLeader(async (tx) => {
      const raw = await tx.get(this.keys.extent(seen.extentId));
      if (raw === null) return false;
      const extent = JSON.parse(raw) as ExtentRecord;
      if (extent.condemnedMs !== undefined) return true;
      if (isHeld(extent) || raw !== JSON.stringify(seen)) return false;
      await tx.put(this.keys.extent(seen.extentId), JSON.stringify({ ...extent, condemnedMs: nowMs }));
      return true;
    });
  }

  /** Drops the record of an extent no stream references. */
  async forgetExtent(extentId: string): Promise<void> {
    await this.asLeader(async (tx) => {
      await tx.delete(this.keys.extent(extentId));
    });
  }
}

/**
 * Who asks to seal a stream's extent: its current writer (at `epoch`), or a writer taking the
 * stream over (`takeOver`, with `epoch` one above the stream's).
 */
export interface WriterClaim {
  epoch: number;
  takeOver: boolean;
}

export function fenced(streamId: string, claimed: number, current: number): StreamError {
  return new StreamError('WRITER_FENCED', `stream ${streamId} has a newer writer (epoch ${current}) than this one (epoch ${claimed})`);
}
