import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterUpload, blobKey, blobPrefixKey, containerKey, isContainerKey, partKey, prefixEnd, uploadKey } from '../../keys.js';
import { IndexStore } from './index-store.js';

const upload = { account: 'acct', container: 'box', blob: 'k', uploadId: 'a'.repeat(32) };
const value = Buffer.from('v');

describe('IndexStore', () => {
  let dir: string;
  let index: IndexStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-index-'));
    index = await IndexStore.openEmpty(join(dir, 'index'));
  });
  afterEach(async () => {
    await index.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const keysOf = async (): Promise<string[]> => {
    const keys: string[] = [];
    for await (const [key] of index.entries({})) keys.push(key.toString().replaceAll('\u0000', '|'));
    return keys;
  };

  it('deletes every key of a range with one mutation, and the record writes its own keys after the range delete', async () => {
    const start = uploadKey(upload.account, upload.container, upload.blob, upload.uploadId);
    await index.apply([
      { key: blobKey('acct', 'box', 'k'), value, delete: false, deleteRangeEnd: Buffer.alloc(0) },
      { key: start, value, delete: false, deleteRangeEnd: Buffer.alloc(0) },
      { key: partKey(upload, 1), value, delete: false, deleteRangeEnd: Buffer.alloc(0) },
      { key: partKey(upload, 2), value, delete: false, deleteRangeEnd: Buffer.alloc(0) },
      { key: blobKey('acct', 'box', 'l'), value, delete: false, deleteRangeEnd: Buffer.alloc(0) },
    ]);
    expect(index.uploads.range({ gte: Buffer.alloc(0), lt: undefined })).toEqual([start]);
    // Written in the same record as the range delete covering it: the write stands.
    await index.apply([
      { key: start, value: Buffer.from('tombstone'), delete: false, deleteRangeEnd: Buffer.alloc(0) },
      { key: start, value: Buffer.alloc(0), delete: true, deleteRangeEnd: afterUpload(upload) },
    ]);
    expect(await keysOf()).toEqual([`acct|box|k`, `acct|box|k|${upload.uploadId}`, 'acct|box|l']);
    expect((await index.get(start))?.toString()).toBe('tombstone');
    await index.apply([{ key: start, value: Buffer.alloc(0), delete: true, deleteRangeEnd: afterUpload(upload) }]);
    expect(await keysOf()).toEqual(['acct|box|k', 'acct|box|l']);
    expect(index.uploads.size).toBe(0);
  });

  it('knows which containers it holds without reading level, in step with puts, deletes and checkpoint loads', async () => {
    const box = containerKey('acct', 'box');
    const other = containerKey('acct', 'other');
    const write = (key: Buffer, deleted = false) => ({ key, value: deleted ? Buffer.alloc(0) : value, delete: deleted, deleteRangeEnd: Buffer.alloc(0) });
    expect([isContainerKey(box), isContainerKey(blobKey('acct', 'box', 'k')), isContainerKey(uploadKey('acct', 'box', 'k', upload.uploadId))]).toEqual([
      true,
      false,
      false,
    ]);
    expect(index.hasContainer(box)).toBe(false);
    await index.apply([write(box), write(blobKey('acct', 'box', 'k'))]);
    expect([index.hasContainer(box), index.hasContainer(other), index.hasContainer(blobKey('acct', 'box', 'k'))]).toEqual([true, false, false]);
    // A blob range delete (deleting a container clears its blobs so) leaves other records alone.
    await index.apply([{ key: blobPrefixKey('acct', 'box'), value: Buffer.alloc(0), delete: true, deleteRangeEnd: prefixEnd(blobPrefixKey('acct', 'box'))! }]);
    expect(index.hasContainer(box)).toBe(true);
    await index.apply([write(box, true)]);
    expect(index.hasContainer(box)).toBe(false);
    // A checkpoint load (a split child's copy of a spanning container's record comes this way).
    await index.putAll([{ key: other, value }]);
    expect(index.hasContainer(other)).toBe(true);
  });

  it('keeps its upload directory from a checkpoint load too', async () => {
    const keys = ['b'.repeat(32), 'a'.repeat(32)].map((id) => uploadKey('acct', 'box', 'k', id));
    await index.putAll([...keys, partKey(upload, 1), blobKey('acct', 'box', 'k')].map((key) => ({ key, value })));
    expect(index.uploads.range({ gte: Buffer.alloc(0), lt: undefined })).toEqual([keys[1], keys[0]]);
    expect(index.uploads.range({ gte: keys[0]!, lt: undefined, limit: 5 })).toEqual([keys[0]]);
    expect(index.uploads.range({ gte: Buffer.alloc(0), lt: keys[0] })).toEqual([keys[1]]);
  });

  it('answers a read again from memory, and never with a value a write has replaced, even a write racing the read', async () => {
    const key = blobKey('acct', 'box', 'hot');
    const put = (v: string): Promise<void> => index.apply([{ key, value: Buffer.from(v), delete: false, deleteRangeEnd: Buffer.alloc(0) }]);
    await put('v1');
    expect((await index.get(key))?.toString()).toBe('v1');
    expect((await index.get(key))?.toString(), 'the cached value').toBe('v1');
    for (let round = 0; round < 50; round++) {
      // A read of a key not in memory starts before a write of it, and may read level before
      // or after the write's batch: either way, the next read sees the write.
      const fresh = blobKey('acct', 'box', `race-${round}`);
      await index.apply([{ key: fresh, value: Buffer.from('old'), delete: false, deleteRangeEnd: Buffer.alloc(0) }]);
      const racing = index.get(fresh);
      await index.apply([{ key: fresh, value: Buffer.from('new'), delete: false, deleteRangeEnd: Buffer.alloc(0) }]);
      expect(['old', 'new']).toContain((await racing)?.toString());
      expect((await index.get(fresh))?.toString()).toBe('new');
    }
    await put('v2');
    expect((await index.get(key))?.toString(), 'a write replaces the cached value').toBe('v2');
    await index.apply([{ key, value: Buffer.alloc(0), delete: true, deleteRangeEnd: Buffer.alloc(0) }]);
    expect(await index.get(key), 'a deleted key is gone from memory too').toBeUndefined();
    await index.apply([{ key: blobKey('acct', 'box', 'a'), value: Buffer.alloc(0), delete: true, deleteRangeEnd: blobKey('acct', 'box', 'z') }]);
    await put('again');
    expect((await index.get(key))?.toString()).toBe('again');
    await index.apply([{ key: blobKey('acct', 'box', 'a'), value: Buffer.alloc(0), delete: true, deleteRangeEnd: blobKey('acct', 'box', 'z') }]);
    expect(await index.get(key), 'a key deleted by a range is gone from memory too').toBeUndefined();
  });
});
