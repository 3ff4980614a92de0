import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { blockChecksum, encodeAppend } from './block-format.js';
import { scanBlocks, type ScanStop, type ScannedBlock } from './block-scanner.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const diskImage = (payloads: Buffer[]): Buffer => Buffer.concat(encodeAppend(payloads.map((data) => ({ data, crc32c: blockChecksum(data) }))));

describe('scanBlocks', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-scan-'));
    path = join(dir, 'e.extent');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function scan(image: Buffer, start = 0, end = image.length): Promise<(ScannedBlock | ScanStop)[]> {
    await writeFile(path, image);
    const handle = await open(path, 'r');
    try {
      const items: (ScannedBlock | ScanStop)[] = [];
      for await (const item of scanBlocks(handle, start, end)) items.push(item);
      return items;
    } finally {
      await handle.close();
    }
  }

  it('reads each blob-sized block at its offset into a buffer of its own, not a concatenation of windows', async () => {
    const payloads = [randomBytes(MiB), randomBytes(MiB), randomBytes(MiB)];
    const image = diskImage(payloads);
    const concat = vi.spyOn(Buffer, 'concat');
    const items = (await scan(image)) as ScannedBlock[];
    expect(concat).not.toHaveBeenCalled();
    concat.mockRestore();
    expect(items.map((item) => item.kind)).toEqual(['block', 'block', 'block']);
    expect(items.map((item) => item.data.equals(payloads[items.indexOf(item)]!))).toEqual([true, true, true]);
    expect(new Set(items.map((item) => item.data.buffer)).size).toBe(3);
    for (const item of items) expect(item.data.buffer.byteLength).toBeLessThanOrEqual(MiB + 2 * BLOCK_HEADER_BYTES);
  });

  it('walks small, odd-sized and larger-than-window blocks in any order, from any block boundary', async () => {
    const payloads = [
      randomBytes(10),
      randomBytes(700 * KiB),
      randomBytes(3 * MiB + 5),
      Buffer.alloc(0),
      randomBytes(MiB),
      ...Array.from({ length: 50 }, () => randomBytes(4 * KiB)),
    ];
    const image = diskImage(payloads);
    const items = (await scan(image)) as ScannedBlock[];
    expect(items.map((item) => item.kind === 'block' && item.data.equals(payloads[items.indexOf(item)]!))).toEqual(payloads.map(() => true));
    const second = BLOCK_HEADER_BYTES + 10;
    const fromSecond = (await scan(image, second)) as ScannedBlock[];
    expect(fromSecond.map((item) => item.offset)).toEqual(items.slice(1).map((item) => item.offset));
  });

  it('stops with "truncated" at a block cut short by the end of the range or the file', async () => {
    const image = diskImage([randomBytes(100), randomBytes(2 * MiB)]);
    const cut = await scan(image.subarray(0, image.length - 1));
    expect(cut.map((item) => item.kind)).toEqual(['block', 'stop']);
    expect(cut[1]).toEqual({ kind: 'stop', offset: BLOCK_HEADER_BYTES + 100, reason: 'truncated' });
    expect((await scan(image, 0, image.length - 10)).at(-1)).toMatchObject({ kind: 'stop', reason: 'truncated' });
  });

  it('stops with "bad-checksum" at a flipped payload byte and "bad-header" at garbage, yielding nothing of that block', async () => {
    const image = diskImage([randomBytes(100), randomBytes(MiB + 7)]);
    const flipped = Buffer.from(image);
    flipped[image.length - 3]! ^= 1;
    expect(await scan(flipped)).toEqual([
      expect.objectContaining({ kind: 'block', offset: 0 }),
      { kind: 'stop', offset: BLOCK_HEADER_BYTES + 100, reason: 'bad-checksum' },
    ]);
    const garbage = Buffer.from(image);
    garbage[BLOCK_HEADER_BYTES + 100 + 5]! ^= 1;
    expect((await scan(garbage)).at(-1)).toEqual({ kind: 'stop', offset: BLOCK_HEADER_BYTES + 100, reason: 'bad-header' });
  });
});
