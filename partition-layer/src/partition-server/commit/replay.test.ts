import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssertionFailure, silentLogger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { ExtentReader } from '@strata/stream-layer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logBlockCodec } from '../../records.js';
import { IndexStore } from './index-store.js';
import { replayLog } from './replay.js';

/** A log stream of sealed extents, each holding blocks of the records whose sequences are listed. */
function logOf(extents: number[][][]): { stream: streamV1.StreamInfo__Output; reader: ExtentReader } {
  const blocks = new Map<string, Buffer[]>();
  const infos = extents.map((extentBlocks, i) => {
    const extentId = `e-${i + 1}`;
    blocks.set(
      extentId,
      extentBlocks.map((sequences) =>
        logBlockCodec.encode({
          records: sequences.map((sequence) => ({ sequence, mutations: [{ key: Buffer.from(`k${sequence}`), value: Buffer.from('v') }] })),
        }),
      ),
    );
    return { extentId, sealed: true, sealedLengthBytes: 1 } as streamV1.ExtentInfo__Output;
  });
  const reader = {
    async *readRange(options: { extent: streamV1.ExtentInfo__Output }) {
      for (const data of blocks.get(options.extent.extentId) ?? []) yield { offset: 0, parts: [data], dataBytes: data.length };
    },
  } as unknown as ExtentReader;
  return { stream: { streamId: 's-log', extents: infos } as unknown as streamV1.StreamInfo__Output, reader };
}

describe('replayLog', () => {
  let dir: string;
  let index: IndexStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-replay-'));
    index = await IndexStore.openEmpty(join(dir, 'index'));
  });
  afterEach(async () => {
    await index.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies each record once, skipping those at or below the checkpoint and those the stream holds twice', async () => {
    const { stream, reader } = logOf([
      [[1, 2], [3]],
      [[2, 3], [4], [5, 6]],
    ]);
    const replayed = await replayLog({ stream, reader, index, log: silentLogger(), afterSequence: 2 });
    expect(replayed).toEqual({ lastSequence: 6, lastExtentId: 'e-2' });
    expect(await index.get(Buffer.from('k1'))).toBeUndefined();
    expect(await index.get(Buffer.from('k6'))).toEqual(Buffer.from('v'));
  });

  it('asserts on a gap in the sequence rather than apply a record without the one before it', async () => {
    const { stream, reader } = logOf([[[1], [2], [4]]]);
    await expect(replayLog({ stream, reader, index, log: silentLogger() })).rejects.toThrow(AssertionFailure);
  });
});
