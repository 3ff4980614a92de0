import { mkdtemp, open, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Failpoints } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { blockChecksum, encodeAppend } from './block-format.js';
import { ExtentFile, type ExtentNodeFailpoint } from './extent-file.js';
import { localDisk } from './replica-disk.js';

/** Opens the replica file at `path` on the local disk. */
async function openFile(options: { path: string } & Omit<Parameters<typeof ExtentFile.open>[0], 'handle' | 'name'>): Promise<ExtentFile> {
  const { path, ...rest } = options;
  return ExtentFile.open({ handle: await (await localDisk(dirname(path))).open(basename(path)), name: basename(path), ...rest });
}

const block = (text: string) => ({ data: Buffer.from(text), crc32c: blockChecksum(Buffer.from(text)) });
const disk = (...texts: string[]) => texts.reduce((sum, text) => sum + BLOCK_HEADER_BYTES + Buffer.byteLength(text), 0);

async function readAll(file: ExtentFile, offset = 0, length = file.durableBytes): Promise<string[]> {
  const out: string[] = [];
  for await (const item of file.read(offset, length)) out.push(item.data.toString());
  return out;
}

describe('ExtentFile', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-extent-'));
    path = join(dir, 'e-1.extent');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends blocks at the expected offsets and reads them back verified', async () => {
    const file = await openFile({ path });
    expect(await file.append(0, encodeAppend([block('hello')]))).toBe(disk('hello'));
    expect(await file.append(disk('hello'), encodeAppend([block('big'), block('world')]))).toBe(disk('hello', 'big', 'world'));
    expect(await readAll(file)).toEqual(['hello', 'big', 'world']);
    expect(await readAll(file, disk('hello'), disk('big'))).toEqual(['big']);
    await file.close();
  });

  it('rejects an append at any offset but the end of the replica', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('a')]));
    await expect(file.append(0, encodeAppend([block('b')]))).rejects.toMatchObject({ code: 'OFFSET_MISMATCH' });
    await expect(file.append(disk('a') + 1, encodeAppend([block('b')]))).rejects.toMatchObject({ code: 'OFFSET_MISMATCH' });
    await file.close();
  });

  it('shares one fdatasync among concurrent appends (group commit)', async () => {
    const file = await openFile({ path });
    let offset = 0;
    const appends = Array.from({ length: 64 }, (_, i) => {
      const text = `block-${i}`;
      const at = offset;
      offset += disk(text);
      return file.append(at, encodeAppend([block(text)]));
    });
    await Promise.all(appends);
    expect(file.durableBytes).toBe(offset);
    expect(file.syncs).toBeLessThan(64);
    await file.close();
  });

  it('cuts a torn tail at the end of the last whole append when reopened', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('first')]));
    await file.append(disk('first'), encodeAppend([block('second')]));
    await file.close();
    // A crash in the middle of the second append's payload.
    await truncate(path, disk('first', 'second') - 3);
    const reopened = await openFile({ path });
    expect(reopened.durableBytes).toBe(disk('first'));
    expect((await stat(path)).size).toBe(disk('first'));
    expect(await readAll(reopened)).toEqual(['first']);
    await reopened.close();
  });

  it('drops every block of an append that did not reach its last block', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('one')]));
    await file.append(disk('one'), encodeAppend([block('two-a'), block('two-b')]));
    await file.close();
    // Only the first block of the two-block append made it to disk whole.
    await truncate(path, disk('one', 'two-a') + 2);
    const reopened = await openFile({ path });
    expect(await readAll(reopened)).toEqual(['one']);
    await reopened.close();
  });

  it('never serves a block whose bytes changed on disk', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('intact')]));
    await file.append(disk('intact'), encodeAppend([block('victim')]));
    const handle = await open(path, 'r+');
    await handle.write(Buffer.from('V'), 0, 1, disk('intact') + BLOCK_HEADER_BYTES);
    await handle.close();
    await expect(readAll(file)).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    expect(await readAll(file, 0, disk('intact'))).toEqual(['intact']);
    await file.close();
  });

  it('refuses reads past the durable length', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('x')]));
    await expect(readAll(file, 0, disk('x') + 1)).rejects.toMatchObject({ code: 'RANGE_NOT_HELD' });
    await file.close();
  });

  it('refuses appends once frozen, and after a seal keeps exactly the sealed length', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('keep')]));
    await file.append(disk('keep'), encodeAppend([block('cut')]));
    expect(await file.freeze()).toBe(disk('keep', 'cut'));
    await expect(file.append(disk('keep', 'cut'), encodeAppend([block('late')]))).rejects.toMatchObject({ code: 'EXTENT_SEALED' });
    await file.seal(disk('keep'));
    expect(file.sealed).toBe(true);
    expect((await stat(path)).size).toBe(disk('keep'));
    await file.seal(disk('keep'));
    await expect(file.seal(disk('keep', 'cut'))).rejects.toMatchObject({ code: 'EXTENT_SEALED' });
    await file.close();
    const reopened = await openFile({ path, sealedLengthBytes: disk('keep') });
    expect(await readAll(reopened)).toEqual(['keep']);
    await reopened.close();
  });

  it('cannot be sealed at a length it does not hold', async () => {
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('short')]));
    await expect(file.seal(disk('short') + 100)).rejects.toMatchObject({ code: 'RANGE_NOT_HELD' });
    await file.close();
  });
});

describe('ExtentFile.freeze', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-extent-freeze-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('acknowledges no append past the length it froze at, even one written before and synced after the freeze', async () => {
    // The append is written, then held before its fdatasync; the freeze comes in between.
    const failpoints = new Failpoints<ExtentNodeFailpoint>('extentNode.beforeSync=delay:300');
    const path = join(dir, 'e-1.extent');
    const file = await openFile({ path, failpoints });
    const append = file.append(0, encodeAppend([block('in flight at the freeze')])).then(
      (end) => ({ acknowledgedEnd: end }),
      (error: unknown) => ({ refused: error }),
    );
    await waitFor('the append written to the file', async () => (await stat(path)).size > 0);
    const frozenAt = await file.freeze();
    const outcome = await append;
    if ('acknowledgedEnd' in outcome) expect(outcome.acknowledgedEnd).toBeLessThanOrEqual(frozenAt);
    expect(await file.freeze(), 'a frozen length never grows').toBe(frozenAt);
    await expect(file.append(frozenAt, encodeAppend([block('after')]))).rejects.toMatchObject({ code: 'EXTENT_SEALED' });
    await file.close();
  });
});

describe('ExtentFile.open of a frozen replica', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-extent-frozen-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('cuts whole appends written past the frozen length and stays frozen at it', async () => {
    const path = join(dir, 'e-1.extent');
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('acknowledged')]));
    await file.append(disk('acknowledged'), encodeAppend([block('whole on disk, never acknowledged')]));
    await file.close();
    const reopened = await openFile({ path, frozenLengthBytes: disk('acknowledged') });
    expect(reopened.frozen).toBe(true);
    expect(reopened.durableBytes).toBe(disk('acknowledged'));
    expect(await reopened.freeze()).toBe(disk('acknowledged'));
    await reopened.close();
  });

  it('refuses a file shorter than its frozen length', async () => {
    const path = join(dir, 'e-2.extent');
    const file = await openFile({ path });
    await file.append(0, encodeAppend([block('short')]));
    await file.close();
    await expect(openFile({ path, frozenLengthBytes: disk('short') + 10 })).rejects.toMatchObject({ code: 'RANGE_NOT_HELD' });
  });
});
