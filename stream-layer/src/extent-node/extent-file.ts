import { assert, Failpoints, ignoreError, rethrowIfAssertion } from '@strata/common';
import { StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { FLAG_END_OF_APPEND } from './block-format.js';
import { scanBlocks } from './block-scanner.js';
import { bytesOf } from './encoded-blocks.js';
import type { ReplicaFileHandle } from './replica-disk.js';

/** The extent node's named failure points (armed with --failpoints, e.g. `extentNode.beforeSync=crash`). */
export type ExtentNodeFailpoint = 'extentNode.beforeSync';

/**
 * One replica of an extent: an append-only file of checksummed blocks.
 *
 * Invariants (asserted): `durableBytes` ≤ `writtenBytes`; everything below `durableBytes` is
 * whole appends, written and fdatasynced; acknowledged ends only grow; once frozen, no append is
 * accepted and none is acknowledged past the frozen length, which never changes; after `seal`,
 * the file is exactly the sealed length and never changes again. Appends are written one at a
 * time in offset order; concurrent appends share one fdatasync (group commit).
 *
 * Freeze by construction: `freeze` refuses new appends at once, then waits until every append
 * it accepted before has settled (durable or failed) and only then reads the length. So the
 * length it returns covers every acknowledgement this replica ever gave, whatever the timing of
 * writes and syncs.
 */
export class ExtentFile {
  private writtenBytes: number;
  private durable: number;
  private state: 'open' | 'frozen' | 'sealed';
  private writeChain: Promise<void> = Promise.resolve();
  private broken: Error | undefined;
  private syncInFlight = false;
  private syncCount = 0;
  private syncWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  /** Appends accepted and not yet settled (durable or failed): a freeze waits for zero. */
  private unsettled = 0;
  private settledWaiters: (() => void)[] = [];
  /** The length the first freeze returned: no acknowledgement beyond it, ever. */
  private frozenLength: number | undefined;

  private constructor(
    private readonly handle: ReplicaFileHandle,
    lengthBytes: number,
    sealed: boolean,
    private readonly failpoints: Failpoints<ExtentNodeFailpoint>,
  ) {
    this.writtenBytes = lengthBytes;
    this.durable = lengthBytes;
    this.state = sealed ? 'sealed' : 'open';
  }

  /**
   * Opens (creating if needed) a replica file. An unsealed file is walked block by block and
   * any torn tail (a partial block, a bad checksum, or blocks of an append cut short) is cut
   * off, so the file ends at the last whole append; a frozen one is then cut to the length it
   * was frozen at (nothing past it was ever acknowledged) and stays frozen. A sealed file is
   * cut to its sealed length. A file shorter than its recorded sealed or frozen length lost
   * acknowledged data: RANGE_NOT_HELD.
   */
  static async open(options: {
    /** The replica's file, opened (the ExtentFile closes it). */
    handle: ReplicaFileHandle;
    /** For messages: the extent the file holds. */
    name: string;
    sealedLengthBytes?: number;
    frozenLengthBytes?: number;
    failpoints?: Failpoints<ExtentNodeFailpoint>;
  }): Promise<ExtentFile> {
    const handle = options.handle;
    const size = (await handle.stat()).size;
    const recorded = options.sealedLengthBytes ?? options.frozenLengthBytes;
    const whole = options.sealedLengthBytes !== undefined ? size : await lastWholeAppendEnd(handle, size);
    if (recorded !== undefined && whole < recorded) {
      await handle.close();
      throw new StreamError('RANGE_NOT_HELD', `replica ${options.name} holds ${whole} bytes, less than its recorded length ${recorded}`);
    }
    const length = recorded ?? whole;
    if (size !== length) {
      await handle.truncate(length);
      await handle.datasync();
    }
    const file = new ExtentFile(handle, length, options.sealedLengthBytes !== undefined, options.failpoints ?? new Failpoints(undefined));
    if (options.frozenLengthBytes !== undefined && options.sealedLengthBytes === undefined) await file.freeze();
    return file;
  }

  /** Length of the whole, durable appends. */
  get durableBytes(): number {
    return this.durable;
  }

  get sealed(): boolean {
    return this.state === 'sealed';
  }

  /** fdatasync calls so far: fewer than appends when group commit batches them. */
  get syncs(): number {
    return this.syncCount;
  }

  get frozen(): boolean {
    return this.state !== 'open';
  }

  /**
   * Writes one append at `offset`, which must be where the previous append ended, and resolves
   * with its end once it is durable. `parts` are the append's blocks in their on-disk encoding
   * (checked by the caller: walkEncodedBlocks), written as they are. Call in offset order;
   * appends after a failed write fail too.
   */
  async append(offset: number, parts: readonly Buffer[]): Promise<number> {
    if (this.state !== 'open') throw new StreamError('EXTENT_SEALED', `the extent is ${this.state}`);
    if (this.broken) throw new StreamError('INTERNAL', `an earlier write failed: ${this.broken.message}`);
    if (offset !== this.writtenBytes) {
      throw new StreamError('OFFSET_MISMATCH', `append at ${offset} but the replica ends at ${this.writtenBytes}`, { lengthBytes: this.writtenBytes });
    }
    const bytes = bytesOf(parts);
    assert(bytes > 0, 'an append has at least one block');
    const end = offset + bytes;
    this.writtenBytes = end;
    this.unsettled++;
    try {
      this.writeChain = this.writeChain.then(async () => {
        if (this.broken) throw this.broken;
        try {
          await writeAll(this.handle, [...parts], offset);
        } catch (error) {
          rethrowIfAssertion(error);
          this.broken = error as Error;
          throw error;
        }
      });
      await this.writeChain;
      await this.failpoints.hit('extentNode.beforeSync');
      await this.sync();
      // A freeze waits for this append to settle, and a seal for the freeze: neither can have
      // happened while it was in flight.
      assert(this.frozenLength === undefined && !this.sealed, `append to ${end} settled after a freeze`);
      // Writes are serialized and a sync covers every write finished before it began, so every
      // append ending at or before `end` is durable now.
      if (end > this.durable) this.durable = end;
      assert(this.durable <= this.writtenBytes, `durable ${this.durable} beyond written ${this.writtenBytes}`);
      return end;
    } finally {
      if (--this.unsettled === 0) for (const waiter of this.settledWaiters.splice(0)) waiter();
    }
  }

  /** Resolves after an fdatasync that began after this call: shared by concurrent callers. */
  private sync(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.syncWaiters.push({ resolve, reject });
      if (!this.syncInFlight) this.runSync();
    });
  }

  private runSync(): void {
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    this.syncInFlight = true;
    this.syncCount++;
    this.handle
      .datasync()
      .then(
        () => waiters.forEach((w) => w.resolve()),
        (error: Error) => {
          rethrowIfAssertion(error);
          this.broken = error;
          waiters.forEach((w) => w.reject(error));
        },
      )
      .finally(() => {
        this.syncInFlight = false;
        if (this.syncWaiters.length > 0) this.runSync();
      });
  }

  /**
   * Yields the whole blocks of [offset, offset + lengthBytes) in their on-disk bytes (header
   * and payload, one buffer each), each verified against its checksum: what a node sends a
   * reader, which checks them again on arrival.
   */
  async *readRaw(offset: number, lengthBytes: number): AsyncGenerator<{ offset: number; bytes: Buffer }> {
    for await (const block of this.read(offset, lengthBytes)) {
      const { data } = block;
      yield { offset: block.offset, bytes: Buffer.from(data.buffer, data.byteOffset - BLOCK_HEADER_BYTES, BLOCK_HEADER_BYTES + data.length) };
    }
  }

  /**
   * Yields the blocks of [offset, offset + lengthBytes), each verified against its checksum.
   * The range must lie within the durable length and on block boundaries.
   */
  async *read(offset: number, lengthBytes: number): AsyncGenerator<{ offset: number; data: Buffer; flags: number }> {
    const end = offset + lengthBytes;
    if (end > this.durable) throw new StreamError('RANGE_NOT_HELD', `read to ${end} but the replica holds ${this.durable}`);
    for await (const item of scanBlocks(this.handle, offset, end)) {
      if (item.kind === 'stop') {
        const code = item.reason === 'bad-checksum' ? 'CHECKSUM_MISMATCH' : item.offset === offset ? 'BAD_BLOCK_RANGE' : 'CHECKSUM_MISMATCH';
        throw new StreamError(code, `no valid block at ${item.offset} (${item.reason})`, { offset: item.offset });
      }
      yield { offset: item.offset, data: item.data, flags: item.header.flags };
    }
  }

  /**
   * The first step of a seal: refuses every further append, waits for the appends already
   * accepted to settle (durable or failed), and returns the durable length. Every append this
   * replica ever acknowledged lies below it, and no append is acknowledged beyond it later.
   * Freezing again returns the same length.
   */
  async freeze(): Promise<number> {
    if (this.state === 'open') this.state = 'frozen';
    while (this.unsettled > 0) await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
    if (this.frozenLength === undefined) this.frozenLength = this.durable;
    assert(this.durable === this.frozenLength, `frozen length ${this.frozenLength} changed to ${this.durable}`);
    return this.durable;
  }

  /**
   * Seals at `lengthBytes` (a length this replica holds durably), cutting any longer tail.
   * No append succeeds afterwards. Sealing again at the same length does nothing.
   */
  async seal(lengthBytes: number): Promise<void> {
    if (this.state === 'sealed') {
      // The stream manager records one sealed length per extent; a request for another is a
      // condition (a stale manager's view), refused, and repair reconciles the replica.
      if (lengthBytes !== this.durable) throw new StreamError('EXTENT_SEALED', `already sealed at ${this.durable}, not ${lengthBytes}`);
      return;
    }
    const held = await this.freeze();
    if (lengthBytes > held) {
      throw new StreamError('RANGE_NOT_HELD', `cannot seal at ${lengthBytes}: the replica holds ${held}`);
    }
    assert(this.unsettled === 0, 'no append is in flight once frozen');
    // Sealed only once the cut is durable: a seal that fails here leaves the replica frozen,
    // and sealing it again (the manager's repair does) tries the cut again.
    try {
      await this.handle.truncate(lengthBytes);
      await this.handle.datasync();
    } catch (error) {
      rethrowIfAssertion(error);
      this.broken = error as Error;
      throw error;
    }
    this.state = 'sealed';
    this.broken = undefined;
    this.durable = lengthBytes;
    this.writtenBytes = lengthBytes;
    this.frozenLength = lengthBytes;
  }

  /** Closes the file once the writes and syncs under way have ended (their failures are their appends'). */
  async close(): Promise<void> {
    // A failed write or sync failed its append, which reported it: closing only waits.
    await this.writeChain.catch(ignoreError);
    // Likewise for a sync in flight: its appends heard how it went.
    if (this.syncInFlight || this.syncWaiters.length > 0) await this.sync().catch(ignoreError);
    await this.handle.close();
  }
}

async function writeAll(handle: ReplicaFileHandle, parts: Buffer[], position: number): Promise<void> {
  let remaining = parts;
  let at = position;
  while (remaining.length > 0) {
    const { bytesWritten } = await handle.writev(remaining, at);
    at += bytesWritten;
    remaining = skipBytes(remaining, bytesWritten);
  }
}

function skipBytes(parts: Buffer[], count: number): Buffer[] {
  let left = count;
  const rest: Buffer[] = [];
  for (const part of parts) {
    if (left >= part.length) {
      left -= part.length;
    } else {
      rest.push(left > 0 ? part.subarray(left) : part);
      left = 0;
    }
  }
  return rest;
}

/** The end of the last whole append in a file of `size` bytes. */
async function lastWholeAppendEnd(handle: ReplicaFileHandle, size: number): Promise<number> {
  let end = 0;
  for await (const item of scanBlocks(handle, 0, size)) {
    if (item.kind === 'stop') break;
    if (item.header.flags & FLAG_END_OF_APPEND) end = item.offset + BLOCK_HEADER_BYTES + item.data.length;
  }
  return end;
}
