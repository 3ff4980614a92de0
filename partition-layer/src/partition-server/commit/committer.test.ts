import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssertionFailure } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { StreamWriter } from '@strata/stream-layer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartitionError } from '../../errors.js';
import { LOG_APPENDS_IN_FLIGHT_MAX } from '../../limits.js';
import { logBlockCodec } from '../../records.js';
import { CommitLog } from './commit-log.js';
import { Committer } from './committer.js';
import { IndexStore } from './index-store.js';

/** A log stream's writer whose appends the test settles: at once, or held until released. */
class FakeLogWriter {
  readonly blocks: Buffer[] = [];
  private readonly held: { settle: () => void; reject: (error: Error) => void }[] = [];
  holding = false;

  append(blocks: Buffer[]): Promise<streamV1.BlockPointer[]> {
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        this.blocks.push(...blocks);
        resolve([{ extentId: 'e-1', offset: 0, dataBytes: blocks[0]!.length }]);
      };
      if (this.holding) this.held.push({ settle, reject });
      else settle();
    });
  }

  /** Fails every append in flight, as a StreamWriter does when it gives up on an extent; later appends succeed. */
  failHeld(error: Error): void {
    this.holding = false;
    for (const entry of this.held.splice(0)) entry.reject(error);
  }

  get pending(): number {
    return this.held.length;
  }

  release(): void {
    this.holding = false;
    for (const entry of this.held.splice(0)) entry.settle();
  }

  /** The sequence numbers of the records that reached the log, in log order. */
  sequences(): number[] {
    return this.blocks.flatMap((block) => logBlockCodec.decode(block).records.map((record) => record.sequence));
  }
}

const key = (name: string): Buffer => Buffer.from(`acct\0box\0${name}`);
const put = (name: string, value = 'v'): { key: Buffer; value: Buffer } => ({ key: key(name), value: Buffer.from(value) });

/** Runs `body` with unhandled rejections caught instead of failing the run: what would end a role's process. */
async function catchingUnhandled(body: (seen: unknown[]) => Promise<void>): Promise<void> {
  const listeners = process.listeners('unhandledRejection');
  const seen: unknown[] = [];
  const catcher = (reason: unknown): void => void seen.push(reason);
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', catcher);
  try {
    await body(seen);
  } finally {
    process.off('unhandledRejection', catcher);
    for (const listener of listeners) process.on('unhandledRejection', listener);
  }
}

describe('Committer', () => {
  let dir: string;
  let index: IndexStore;
  let writer: FakeLogWriter;
  let failures: Error[];
  let committer: Committer;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-committer-'));
    index = await IndexStore.openEmpty(join(dir, 'index'));
    writer = new FakeLogWriter();
    failures = [];
    committer = new Committer(index, new CommitLog(writer as unknown as StreamWriter), 7, (error) => failures.push(error));
  });
  afterEach(async () => {
    await index.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives records consecutive sequence numbers after the last one loaded, and applies them in order', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => committer.commit(async () => ({ mutations: [put(`b${i}`)], result: i }))));
    expect(writer.sequences()).toEqual(Array.from({ length: 40 }, (_, i) => 8 + i));
    expect(committer.appliedSequence).toBe(47);
    expect(await index.get(key('b39'))).toEqual(Buffer.from('v'));
  });

  it('batches the records that arrive while appends are in flight into one block each (group commit), and applies each block in one write', async () => {
    const writes: number[] = [];
    const applyRecords = index.applyRecords.bind(index);
    index.applyRecords = async (records) => {
      writes.push(records.length);
      await applyRecords(records);
    };
    writer.holding = true;
    const commits = Array.from({ length: 30 }, (_, i) => committer.commit(async () => ({ mutations: [put(`b${i}`)], result: undefined })));
    // Let every prepare run: the first appends go out alone, the rest wait for one in flight to end.
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.pending).toBe(LOG_APPENDS_IN_FLIGHT_MAX);
    writer.release();
    await Promise.all(commits);
    expect(writer.blocks.length).toBe(LOG_APPENDS_IN_FLIGHT_MAX + 1);
    expect(writer.sequences()).toEqual(Array.from({ length: 30 }, (_, i) => 8 + i));
    // Every record applied once, a block's records (or more) per write of the index.
    expect(writes.reduce((sum, records) => sum + records, 0)).toBe(30);
    expect(writes.length).toBeLessThanOrEqual(writer.blocks.length);
    expect(committer.appliedSequence).toBe(37);
    for (let i = 0; i < 30; i++) expect(await index.get(key(`b${i}`))).toEqual(Buffer.from('v'));
  });

  it('applies a record that deletes a range alone, after the records before it and before those after it', async () => {
    writer.holding = true;
    const commits = [
      committer.commit(async () => ({ mutations: [put('r1'), put('r2')], result: undefined })),
      committer.commit(async () => ({ mutations: [{ key: key('r'), deleteRangeEnd: key('s'), delete: true }], result: undefined })),
      committer.commit(async () => ({ mutations: [put('r3')], result: undefined })),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    writer.release();
    await Promise.all(commits);
    expect(await index.get(key('r1'))).toBeUndefined();
    expect(await index.get(key('r2'))).toBeUndefined();
    expect(await index.get(key('r3'))).toEqual(Buffer.from('v'));
    expect(committer.appliedSequence).toBe(10);
  });

  it('checks a precondition against records logged but not yet applied, so one of two racing creates wins', async () => {
    writer.holding = true;
    const create = (value: string): Promise<string> =>
      committer.commit(async (view) => {
        if (await view.get(key('only'))) throw new PartitionError('PRECONDITION_FAILED', 'exists');
        return { mutations: [put('only', value)], result: value };
      });
    const racing = [create('first'), create('second'), create('third')];
    await new Promise((resolve) => setImmediate(resolve));
    writer.release();
    const outcomes = await Promise.allSettled(racing);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await index.get(key('only'))).toEqual(Buffer.from('first'));
  });

  it('acknowledges nothing after a failed log append, sends no later record, and asks for a reload once', async () => {
    await committer.commit(async () => ({ mutations: [put('kept')], result: undefined }));
    writer.holding = true;
    const doomed = Array.from({ length: 10 }, (_, i) => committer.commit(async () => ({ mutations: [put(`lost${i}`)], result: undefined })));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.pending).toBe(LOG_APPENDS_IN_FLIGHT_MAX);
    writer.failHeld(new Error('extent node gone'));
    const outcomes = await Promise.allSettled(doomed);
    expect(outcomes.every((outcome) => outcome.status === 'rejected' && (outcome.reason as PartitionError).code === 'UNAVAILABLE')).toBe(true);
    expect(failures).toHaveLength(1);
    await expect(committer.commit(async () => ({ mutations: [put('after')], result: undefined }))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // Regression: the records queued behind the failed appends were sent once the writer
    // worked again, so the log could hold records 13 to 18 without 9 to 12.
    expect(writer.sequences()).toEqual([8]);
    expect(committer.appliedSequence).toBe(8);
  });

  it('refuses mutations while quiesced and takes them again once unquiesced', async () => {
    await committer.quiesce();
    await expect(committer.commit(async () => ({ mutations: [put('x')], result: undefined }))).rejects.toMatchObject({ code: 'PARTITION_LOADING' });
    committer.unquiesce();
    await committer.commit(async () => ({ mutations: [put('x')], result: undefined }));
    expect(writer.sequences()).toEqual([8]);
  });

  it('lets an assertion failure through, never turning it into UNAVAILABLE or a reload', async () => {
    await catchingUnhandled(async (unhandled) => {
      const broken = new AssertionFailure('index broken');
      const applyRecords = index.applyRecords.bind(index);
      index.applyRecords = async () => {
        throw broken;
      };
      await expect(committer.commit(async () => ({ mutations: [put('x')], result: undefined }))).rejects.toBe(broken);
      index.applyRecords = applyRecords;
      expect(failures).toEqual([]);
      // Left unhandled on the committer's chains too: in a role, that ends the process.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toContain(broken);
    });
  });
});

describe('CommitLog', () => {
  it('asserts that each record it takes follows the last one', () => {
    const log = new CommitLog(new FakeLogWriter() as unknown as StreamWriter);
    void log.append({ sequence: 3, mutations: [] });
    expect(() => log.append({ sequence: 5, mutations: [] })).toThrow(AssertionFailure);
  });
});
