import { rm } from 'node:fs/promises';
import { Level } from 'level';
import type { partitionV1 } from '@strata/protos';

export interface RangeOptions {
  gt?: Buffer;
  gte?: Buffer;
  lt?: Buffer;
}

export interface SeekableEntries {
  next(): Promise<[Buffer, Buffer] | undefined>;
  seek(target: Buffer): void;
  close(): Promise<void>;
}

/**
 * A partition's materialised index in `level`: a cache of what its streams hold, thrown away
 * and rebuilt from checkpoint and commit log whenever the partition is loaded.
 */
export class IndexStore {
  private constructor(
    private readonly db: Level<Buffer, Buffer>,
    private readonly path: string,
  ) {}

  /** Opens an empty store at `path`, removing whatever an earlier load left there. */
  static async openEmpty(path: string): Promise<IndexStore> {
    await rm(path, { recursive: true, force: true });
    const db = new Level<Buffer, Buffer>(path, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
    await db.open();
    return new IndexStore(db, path);
  }

  async get(key: Buffer): Promise<Buffer | undefined> {
    return (await this.db.get(key)) ?? undefined;
  }

  /** Applies one record's mutations atomically. */
  async apply(mutations: readonly partitionV1.IndexMutation__Output[]): Promise<void> {
    await this.db.batch(
      mutations.map((mutation) =>
        mutation.delete ? { type: 'del' as const, key: mutation.key } : { type: 'put' as const, key: mutation.key, value: mutation.value },
      ),
    );
  }

  /** Entries in key order within the range, up to `limit`. */
  async *entries(range: RangeOptions & { limit?: number }): AsyncGenerator<[Buffer, Buffer]> {
    for await (const entry of this.db.iterator({ ...range, ...(range.limit !== undefined ? { limit: range.limit } : {}) })) {
      yield entry as [Buffer, Buffer];
    }
  }

  /**
   * Every entry in key order as of this call (the iterator reads a snapshot taken now), for a
   * checkpoint. Includes entries outside the partition's range that the index keeps for it.
   */
  snapshotEntries(): AsyncIterable<[Buffer, Buffer]> {
    return this.db.iterator() as AsyncIterable<[Buffer, Buffer]>;
  }

  /** Writes entries as one batch (loading a checkpoint). */
  async putAll(entries: readonly { key: Buffer; value: Buffer }[]): Promise<void> {
    if (entries.length > 0) await this.db.batch(entries.map((entry) => ({ type: 'put' as const, key: entry.key, value: entry.value })));
  }

  /** The first key in the range, if any. */
  async firstKey(range: RangeOptions): Promise<Buffer | undefined> {
    for await (const key of this.db.keys({ ...range, limit: 1 })) return key;
    return undefined;
  }

  /**
   * An iterator the caller can move with `seek`, for skip scans (listing containers skips each
   * container's blobs).
   */
  seekable(range: RangeOptions): SeekableEntries {
    const iterator = this.db.iterator(range);
    return {
      next: async () => ((await iterator.next()) as [Buffer, Buffer] | undefined) ?? undefined,
      seek: (target) => iterator.seek(target),
      close: () => iterator.close(),
    };
  }

  async destroy(): Promise<void> {
    await this.db.close();
    await rm(this.path, { recursive: true, force: true });
  }
}
