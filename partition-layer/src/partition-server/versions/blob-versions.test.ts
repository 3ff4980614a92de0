import { describe, expect, it } from 'vitest';
import type { partitionV1 } from '@strata/protos';
import { compareKeys } from '../../keys.js';
import { blobRecordCodec } from '../../records.js';
import { deleteMarkerAt, deleteVersion, findVersion, writeCurrentVersion } from './blob-versions.js';

/** An index as a map, applying mutations as a commit would: enough for the version logic, which reads and writes one blob's keys. */
class MapIndex {
  readonly entries = new Map<string, Buffer>();
  async get(key: Buffer): Promise<Buffer | undefined> {
    return this.entries.get(key.toString('latin1'));
  }
  async first(range: { gte?: Buffer; lt: Buffer }): Promise<[Buffer, Buffer] | undefined> {
    const keys = [...this.entries.keys()].map((k) => Buffer.from(k, 'latin1')).sort(compareKeys);
    const key = keys.find((k) => (!range.gte || compareKeys(k, range.gte) >= 0) && compareKeys(k, range.lt) < 0);
    return key ? [key, this.entries.get(key.toString('latin1'))!] : undefined;
  }
  apply(mutations: partitionV1.IndexMutation[]): void {
    for (const m of mutations) {
      const key = Buffer.from(m.key as Uint8Array).toString('latin1');
      if (m.delete) this.entries.delete(key);
      else this.entries.set(key, Buffer.from(m.value as Uint8Array));
    }
  }
}

const name = { account: 'acct', container: 'box', blob: 'k' };
const random = { int: () => 0, bytes: (n: number) => Buffer.alloc(n, 7) };
const record = (etag: string): partitionV1.BlobRecord => ({ sizeBytes: 1, etag, lastModifiedMs: 1, blocks: [], tags: [] });

async function write(index: MapIndex, etag: string, options: { versioning?: 'Enabled' | 'Suspended'; nowMs?: number; marker?: boolean } = {}): Promise<string> {
  const written = await writeCurrentVersion(index, {
    name,
    record: options.marker ? deleteMarkerAt(1) : record(etag),
    versioning: options.versioning ?? 'Enabled',
    nowMs: options.nowMs ?? 1_000,
    random,
  });
  index.apply(written.mutations);
  return written.record.versionId ?? '';
}

/** The blob's versions newest first (the index holds only this blob's keys): its current record, then its noncurrent keys in key order. */
async function history(index: MapIndex): Promise<string[]> {
  return [...index.entries.keys()]
    .map((k) => Buffer.from(k, 'latin1'))
    .sort(compareKeys)
    .map((k) => blobRecordCodec.decode(index.entries.get(k.toString('latin1'))!))
    .map((r) => (r.deleteMarker ? 'marker' : r.etag));
}

describe('blob versions', () => {
  it('order a new version after the current one when the clock steps back, and find each by id', async () => {
    const index = new MapIndex();
    const ids = [await write(index, 'a', { nowMs: 5_000 }), await write(index, 'b', { nowMs: 4_000 }), await write(index, 'c', { nowMs: 4_000 })];
    expect(await history(index)).toEqual(['c', 'b', 'a']);
    for (const [i, id] of ids.entries()) expect((await findVersion(index, name, id))?.record.etag).toBe(['a', 'b', 'c'][i]);
    // An id whose key exists but whose random part differs names no version.
    expect(await findVersion(index, name, `${ids[0]!.slice(0, 16)}${'0'.repeat(16)}`)).toBeUndefined();
  });

  it('promotes the newest noncurrent version when the current one (or a marker) is deleted, and empties the blob with the last', async () => {
    const index = new MapIndex();
    const a = await write(index, 'a');
    const b = await write(index, 'b');
    const marker = await write(index, '', { marker: true });
    expect(await history(index)).toEqual(['marker', 'b', 'a']);
    const apply = async (id: string) => index.apply((await deleteVersion(index, name, id)).mutations);
    await apply(marker);
    expect(await history(index)).toEqual(['b', 'a']);
    await apply(a);
    expect(await history(index)).toEqual(['b']);
    await apply(b);
    expect(index.entries.size).toBe(0);
  });

  it('keeps one null version: a suspended write replaces it wherever it is', async () => {
    const index = new MapIndex();
    await write(index, 'n1', { versioning: 'Suspended' });
    await write(index, 'e1');
    expect((await findVersion(index, name, 'null'))?.record.etag).toBe('n1');
    await write(index, 'n2', { versioning: 'Suspended' });
    expect(await history(index)).toEqual(['n2', 'e1']);
    await write(index, 'n3', { versioning: 'Suspended' });
    expect(await history(index)).toEqual(['n3', 'e1']);
    const { mutations, deleted } = await deleteVersion(index, name, 'null');
    index.apply(mutations);
    expect(deleted?.etag).toBe('n3');
    expect(await history(index)).toEqual(['e1']);
    expect((await findVersion(index, name, 'null'))?.record).toBeUndefined();
  });
});
