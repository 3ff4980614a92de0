import { afterEach, describe, expect, it } from 'vitest';
import { isStrataError } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import { OneServerStamp } from '../helpers/one-server-stamp.js';

/** What a test reads of ListBlobVersions: blob, which body (by ETag), latest, marker. */
interface Seen {
  blob: string;
  etag: string;
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
}

describe('blob versions in the partition layer (in-process stamp)', () => {
  const one = new OneServerStamp();
  afterEach(() => one.stop());

  const name = (blob: string) => ({ account: one.client.account, container: 'box', blob });
  const put = (blob: string, body: string | Buffer, versioning: string) => one.client.put('box', blob, body, { versioning });
  const get = async (blob: string, versionId = '') => (await one.client.client.getBlob({ ...name(blob), versionId })).record!;
  const del = (blob: string, options: { versionId?: string; versioning?: string }) => one.client.client.deleteBlob({ ...name(blob), ...options });
  const versions = async (prefix = '', maxResults = 1000): Promise<Seen[]> => {
    const listing = await one.client.client.listBlobVersions({
      account: one.client.account,
      container: 'box',
      prefix,
      delimiter: '',
      keyMarker: '',
      versionIdMarker: '',
      keyMarkerIsPrefix: false,
      maxResults,
    });
    return listing.entries.map(({ version }) => ({
      blob: version!.blob,
      etag: version!.etag,
      versionId: version!.versionId,
      isLatest: version!.isLatest,
      deleteMarker: version!.deleteMarker,
    }));
  };
  const codeOf = async (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => 'ok',
      (error: unknown) => (isStrataError(error) ? error.code : String(error)),
    );

  it('keeps every version newest first, writes delete markers and makes the newest remaining version current again', async () => {
    await one.start({ container: 'box' });
    // One small (inline) and two in blocks, so versions hold pointers too.
    const v1 = await put('k', 'first', 'Enabled');
    const v2 = await put('k', Buffer.alloc(100_000, 2), 'Enabled');
    const v3 = await put('k', Buffer.alloc(100_000, 3), 'Enabled');
    for (const v of [v1, v2, v3]) expect(v.versionId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set([v1.versionId, v2.versionId, v3.versionId]).size).toBe(3);
    expect((await get('k')).etag).toBe(v3.etag);
    expect((await get('k', v1.versionId)).etag).toBe(v1.etag);
    expect((await get('k', v2.versionId)).etag).toBe(v2.etag);
    expect(await versions()).toEqual([
      { blob: 'k', etag: v3.etag, versionId: v3.versionId, isLatest: true, deleteMarker: false },
      { blob: 'k', etag: v2.etag, versionId: v2.versionId, isLatest: false, deleteMarker: false },
      { blob: 'k', etag: v1.etag, versionId: v1.versionId, isLatest: false, deleteMarker: false },
    ]);

    const marker = await del('k', { versioning: 'Enabled' });
    expect(marker).toMatchObject({ existed: true, deleteMarker: true });
    expect(marker.versionId).toMatch(/^[0-9a-f]{32}$/);
    expect(await codeOf(get('k'))).toBe('NO_SUCH_BLOB');
    expect((await one.client.client.getBlob({ ...name('k'), withDeleteMarkers: true })).record!.deleteMarker).toBe(true);
    expect(await codeOf(get('k', marker.versionId))).toBe('DELETE_MARKER');
    const listed = await one.client.client.listBlobs({
      account: one.client.account,
      container: 'box',
      prefix: '',
      delimiter: '',
      startAfter: '',
      startAfterIsPrefix: false,
      maxResults: 10,
    });
    expect(listed.entries).toEqual([]);
    expect((await versions()).map((v) => [v.versionId, v.isLatest, v.deleteMarker])).toEqual([
      [marker.versionId, true, true],
      [v3.versionId, false, false],
      [v2.versionId, false, false],
      [v1.versionId, false, false],
    ]);
    // A PUT If-None-Match: * sees no blob behind a delete marker (S3).
    expect(await codeOf(one.client.put('box', 'k', 'x', { ifNoneMatch: '*', versioning: 'Enabled' }).then((v) => del('k', { versionId: v.versionId })))).toBe(
      'ok',
    );

    // The log replays it all: a reload lists the same versions.
    const before = await versions();
    await one.serve();
    expect(await versions()).toEqual(before);

    // Deleting the delete marker brings v3 back; deleting v3 (current) brings v2 back.
    expect(await del('k', { versionId: marker.versionId })).toMatchObject({ existed: true, deleteMarker: true, versionId: marker.versionId });
    expect((await get('k')).etag).toBe(v3.etag);
    expect(await del('k', { versionId: v3.versionId })).toMatchObject({ existed: true, deleteMarker: false });
    expect((await get('k')).versionId).toBe(v2.versionId);
    // A noncurrent one goes alone.
    await del('k', { versionId: v1.versionId });
    expect((await versions()).map((v) => v.versionId)).toEqual([v2.versionId]);

    // Bad input: an id Strata never makes is INVALID_ARGUMENT (S3's 400 InvalidArgument); a
    // well-formed unknown one is NO_SUCH_VERSION on GET (404 NoSuchVersion) and nothing on DELETE (204).
    const unknown = `${v1.versionId.slice(0, 16)}0000000000000000`;
    expect(await codeOf(get('k', 'not-a-version'))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(get('k', unknown))).toBe('NO_SUCH_VERSION');
    expect(await codeOf(get('nothing', v2.versionId))).toBe('NO_SUCH_VERSION');
    expect(await codeOf(del('k', { versionId: 'zz' }))).toBe('INVALID_ARGUMENT');
    expect(await del('k', { versionId: unknown })).toMatchObject({ existed: false });
    expect(await codeOf(one.client.client.setBlobTags({ ...name('k'), versionId: unknown, tags: [] }))).toBe('NO_SUCH_VERSION');

    // The last version deleted: the blob is gone, with nothing left behind.
    await del('k', { versionId: v2.versionId });
    expect(await versions()).toEqual([]);
    expect(await codeOf(get('k'))).toBe('NO_SUCH_BLOB');
  });

  it('keeps one null version: written unversioned or suspended, replaced by the next suspended write, deleted by "null"', async () => {
    await one.start({ container: 'box' });
    const u0 = await put('n', 'unversioned', '');
    expect(u0.versionId).toBe('');
    const e1 = await put('n', 'enabled 1', 'Enabled');
    expect((await get('n', 'null')).etag).toBe(u0.etag);
    const s1 = await put('n', 'suspended 1', 'Suspended');
    expect(s1.versionId).toBe('');
    // The null version u0 (noncurrent) went: s1 is the null version now.
    expect((await versions()).map((v) => [v.etag, v.versionId, v.isLatest])).toEqual([
      [s1.etag, '', true],
      [e1.etag, e1.versionId, false],
    ]);
    const s2 = await put('n', 'suspended 2', 'Suspended');
    expect((await versions()).map((v) => v.etag)).toEqual([s2.etag, e1.etag]);
    const e2 = await put('n', 'enabled 2', 'Enabled');
    expect((await get('n', 'null')).etag).toBe(s2.etag);
    const s3 = await put('n', 'suspended 3', 'Suspended');
    expect((await versions()).map((v) => v.etag)).toEqual([s3.etag, e2.etag, e1.etag]);

    // Deleting the null version (current) brings e2 back; a suspended DELETE writes a null delete marker.
    await del('n', { versionId: 'null' });
    expect((await get('n')).versionId).toBe(e2.versionId);
    expect(await del('n', { versioning: 'Suspended' })).toMatchObject({ versionId: '', deleteMarker: true });
    expect((await versions()).map((v) => [v.versionId, v.deleteMarker])).toEqual([
      ['', true],
      [e2.versionId, false],
      [e1.versionId, false],
    ]);
    // An Enabled write after it keeps the null delete marker as noncurrent, and "null" still finds it.
    const e3 = await put('n', 'enabled 3', 'Enabled');
    expect(await codeOf(get('n', 'null'))).toBe('DELETE_MARKER');
    await del('n', { versionId: 'null' });
    expect((await versions()).map((v) => v.versionId)).toEqual([e3.versionId, e2.versionId, e1.versionId]);
    expect((await get('n')).nullVersionKey).toBe('');

    // A common prefix whose only blob is deleted is not listed (S3); one with a live blob is.
    const folders = async () =>
      (
        await one.client.client.listBlobs({
          account: one.client.account,
          container: 'box',
          prefix: '',
          delimiter: '/',
          startAfter: '',
          startAfterIsPrefix: false,
          maxResults: 10,
        })
      ).entries.map((entry) => entry.commonPrefix ?? entry.blob!.blob);
    await put('gone/x', 'x', 'Enabled');
    await put('kept/y', 'y', 'Enabled');
    await del('gone/x', { versioning: 'Enabled' });
    expect(await folders()).toEqual(['kept/', 'n']);
    await put('gone/z', 'z', 'Enabled');
    expect(await folders()).toEqual(['gone/', 'kept/', 'n']);
  });

  it("counts a noncurrent version's blocks as live until the version is deleted (the GC's mark phase)", async () => {
    await one.start({ container: 'box' });
    const liveBytes = async (): Promise<number> =>
      (await one.client.usage(one.server.address, 'p-1')).extents.reduce((sum, extent) => sum + Number(extent.liveBytes), 0);
    expect(await liveBytes()).toBe(0);
    // Over the inline threshold: both versions' bytes are blocks in the data stream.
    const v1 = await put('big', Buffer.alloc(200_000, 1), 'Enabled');
    const oneVersion = await liveBytes();
    expect(oneVersion).toBeGreaterThanOrEqual(200_000);
    const v2 = await put('big', Buffer.alloc(200_000, 2), 'Enabled');
    expect(await liveBytes()).toBe(2 * oneVersion);
    // A delete marker keeps both (noncurrent) versions' blocks live.
    await del('big', { versioning: 'Enabled' });
    expect(await liveBytes()).toBe(2 * oneVersion);
    await del('big', { versionId: v1.versionId });
    expect(await liveBytes()).toBe(oneVersion);
    await del('big', { versionId: v2.versionId });
    expect(await liveBytes()).toBe(0);
  });

  it('compacts noncurrent versions like current records: their blocks move, their bytes and ids stay', async () => {
    await one.start({ container: 'box' });
    const bodies = [Buffer.alloc(150_000, 1), Buffer.alloc(150_000, 2), Buffer.alloc(150_000, 3)];
    const ids: string[] = [];
    for (const body of bodies) ids.push((await put('moved', body, 'Enabled')).versionId);
    await del('moved', { versioning: 'Enabled' });
    const before = await one.client.client.getBlob({ ...name('moved'), versionId: ids[0]! });
    const extentId = before.record!.blocks[0]!.extentId;
    const compacted = await one.client.compact(one.server.address, 'p-1', [extentId]);
    expect(Number(compacted.recordsRewritten)).toBe(3);
    expect(compacted.releasedExtentIds).toContain(extentId);
    for (const [i, versionId] of ids.entries()) {
      const info = await one.client.client.getBlob({ ...name('moved'), versionId });
      expect(info.record!.blocks.every((block) => block.extentId !== extentId)).toBe(true);
      expect(info.record!.versionId).toBe(versionId);
      expect((await one.client.bytesOf(info)).equals(bodies[i]!), versionId).toBe(true);
    }
    // The delete marker is still current, over the three versions.
    expect((await versions()).map((v) => v.deleteMarker)).toEqual([true, false, false, false]);
  });

  it('pages through versions with key and version-id markers, and keeps a blob with its versions across a split and a merge', async () => {
    await one.start({ container: 'box' });
    const a = [await put('a', 'a1', 'Enabled'), await put('a', 'a2', 'Enabled'), await put('a', 'a3', 'Enabled')];
    const b = [await put('b', 'b1', ''), await put('b', 'b2', 'Enabled')];
    const all = await versions();
    expect(all.map((v) => `${v.blob}:${v.versionId}`)).toEqual([
      `a:${a[2]!.versionId}`,
      `a:${a[1]!.versionId}`,
      `a:${a[0]!.versionId}`,
      `b:${b[1]!.versionId}`,
      'b:',
    ]);
    // Page by page, two at a time, the way ListObjectVersions continues.
    const paged: string[] = [];
    let marker = { keyMarker: '', versionIdMarker: '' };
    for (let page = 0; page < 5; page++) {
      const listing = await one.client.client.listBlobVersions({
        account: one.client.account,
        container: 'box',
        prefix: '',
        delimiter: '',
        ...marker,
        keyMarkerIsPrefix: false,
        maxResults: 2,
      });
      paged.push(...listing.entries.map((e) => `${e.version!.blob}:${e.version!.versionId}`));
      if (!listing.truncated) break;
      const last = listing.entries.at(-1)!.version!;
      marker = { keyMarker: last.blob, versionIdMarker: last.versionId || 'null' };
    }
    expect(paged).toEqual(all.map((v) => `${v.blob}:${v.versionId}`));

    // Asked to cut between a's versions, the split cuts at a's own key: a and all its versions on one side.
    const cutInside = Buffer.concat([Buffer.from(`${one.client.account}\0box\0a\0\u0001`), Buffer.from(a[1]!.versionId.slice(0, 16))]).toString('utf8');
    const change = await one.client.manager.split('p-1', cutInside);
    expect(change.added).toHaveLength(2);
    const map = await one.client.manager.map();
    expect(map.partitions.map((p) => p.lowKey)).toContain(`${one.client.account}\0box\0a`);
    await waitFor('both children to serve', () => one.server.log.find('partition serving').length >= 3, { timeoutMs: 20_000 });
    expect(await versions()).toEqual(all);
    expect((await get('a', a[0]!.versionId)).etag).toBe(a[0]!.etag);
    await del('a', { versionId: a[2]!.versionId });
    expect((await get('a')).versionId).toBe(a[1]!.versionId);

    // Merged back, the partition holds every version as before.
    const [left, right] = [...(await one.client.manager.map()).partitions].sort((x, y) => (x.lowKey < y.lowKey ? -1 : 1));
    await one.client.manager.merge(left!.partitionId, right!.partitionId);
    await waitFor('the merged partition to serve', () => one.server.log.find('partition serving').length >= 4, { timeoutMs: 20_000 });
    expect(await versions()).toEqual(all.slice(1).map((v, i) => (i === 0 ? { ...v, isLatest: true } : v)));
    expect((await get('a', a[0]!.versionId)).etag).toBe(a[0]!.etag);
    expect((await get('b', 'null')).etag).toBe(b[0]!.etag);
  });
});
