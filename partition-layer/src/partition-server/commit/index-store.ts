import { rm } from 'node:fs/promises';
import { assert } from '@strata/common';
import { Level } from 'level';
import type { partitionV1 } from '@strata/protos';
import { isContainerKey, isUploadKey } from '../../keys.js';
import { UploadDirectory } from '../uploads/upload-directory.js';

/**
 * Bytes of values kept in memory after a read (an inline 4 KiB blob's record is ~4.3 KiB): the
 * keys read most answer without a read of `level`, which goes through the thread pool.
 */
const READ_CACHE_BYTES_MAX = 8 * 1024 * 1024;
/** What an entry costs beyond its key and value (the map's entry, the strings' headers). */
const READ_CACHE_ENTRY_OVERHEAD_BYTES = 96;

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
  /** The upload keys the index holds, kept in step with every write. */
  readonly uploads = new UploadDirectory();
  /**
   * The container record keys the index holds (latin1 strings of the keys), kept in step with
   * every write: so a PUT learns whether its container exists without a read of `level`
   * through the thread pool, under the partition's commit lock. Containers are few.
   */
  private readonly containers = new Set<string>();
  /** Values read recently (latin1 key → value), least recently read first out. */
  private readonly readCache = new Map<string, Buffer>();
  private readCacheBytes = 0;
  /**
   * Counts the starts and ends of writes: a read that saw it change may have read `level`
   * before a write that has since landed, so it must not put what it read in the cache.
   */
  private writeEdges = 0;

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
    const name = key.toString('latin1');
    const cached = this.readCache.get(name);
    if (cached) {
      // Most recently read last: Map keeps insertion order.
      this.readCache.delete(name);
      this.readCache.set(name, cached);
      return cached;
    }
    const edges = this.writeEdges;
    const value = (await this.db.get(key)) ?? undefined;
    if (value && edges === this.writeEdges) this.keep(name, value);
    return value;
  }

  private keep(name: string, value: Buffer): void {
    const bytes = name.length + value.length + READ_CACHE_ENTRY_OVERHEAD_BYTES;
    if (bytes > READ_CACHE_BYTES_MAX || this.readCache.has(name)) return;
    this.readCache.set(name, value);
    this.readCacheBytes += bytes;
    for (const [oldest, held] of this.readCache) {
      if (this.readCacheBytes <= READ_CACHE_BYTES_MAX) break;
      this.forget(oldest, held);
    }
  }

  private forget(name: string, value: Buffer): void {
    this.readCache.delete(name);
    this.readCacheBytes -= name.length + value.length + READ_CACHE_ENTRY_OVERHEAD_BYTES;
  }

  /** Drops a written key's cached value; `apply` and `putAll` call it for every key they write. */
  private invalidate(key: Buffer): void {
    const name = key.toString('latin1');
    const held = this.readCache.get(name);
    if (held) this.forget(name, held);
  }

  /**
   * Applies one record's mutations atomically. A range delete (`deleteRangeEnd`) deletes the
   * keys the range holds before the record; the record's other mutations apply after it.
   */
  apply(mutations: readonly partitionV1.IndexMutation__Output[]): Promise<void> {
    return this.applyRecords([mutations as partitionV1.IndexMutation[]]);
  }

  /**
   * Applies consecutive records' mutations in one atomic write, in order (a later record's
   * write of a key wins). Only a record alone may delete a range: its deletes read the index.
   */
  async applyRecords(records: readonly (readonly partitionV1.IndexMutation[])[]): Promise<void> {
    const operations: ({ type: 'del'; key: Buffer } | { type: 'put'; key: Buffer; value: Buffer })[] = [];
    for (const mutations of records) {
      // Range deletes first: a key the record writes itself keeps that write (as the committer's view has it).
      for (const mutation of mutations) {
        if (!mutation.delete || !(mutation.deleteRangeEnd as Buffer | undefined)?.length) continue;
        assert(records.length === 1, 'a record that deletes a range is applied alone');
        for await (const key of this.db.keys({ gte: mutation.key as Buffer, lt: mutation.deleteRangeEnd as Buffer })) operations.push({ type: 'del', key });
      }
      for (const mutation of mutations) {
        if (!mutation.delete) operations.push({ type: 'put', key: mutation.key as Buffer, value: mutation.value as Buffer });
        else if (!(mutation.deleteRangeEnd as Buffer | undefined)?.length) operations.push({ type: 'del', key: mutation.key as Buffer });
      }
    }
    this.writeEdges++;
    try {
      await this.db.batch(operations);
    } finally {
      this.writeEdges++;
      for (const operation of operations) this.invalidate(operation.key);
    }
    for (const operation of operations) this.track(operation.key, operation.type === 'put');
  }

  /** Whether the index holds the record of the container whose key this is (no read of `level`). */
  hasContainer(key: Buffer): boolean {
    return this.containers.has(key.toString('latin1'));
  }

  /** Keeps the in-memory key sets in step with a write of `key` (`present`: put, else deleted). */
  private track(key: Buffer, present: boolean): void {
    if (isUploadKey(key)) {
      if (present) this.uploads.add(key);
      else this.uploads.delete(key);
    } else if (isContainerKey(key)) {
      if (present) this.containers.add(key.toString('latin1'));
      else this.containers.delete(key.toString('latin1'));
    }
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
    this.writeEdges++;
    try {
      if (entries.length > 0) await this.db.batch(entries.map((entry) => ({ type: 'put' as const, key: entry.key, value: entry.value })));
    } finally {
      this.writeEdges++;
      for (const entry of entries) this.invalidate(entry.key);
    }
    for (const entry of entries) this.track(entry.key, true);
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
