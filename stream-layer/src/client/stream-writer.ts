import { assert, fromServiceError, isStrataError, rethrowIfAssertion, type Clock, type Logger, type Timer } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import { blockChecksum, blockDataBytes, encodeAppend, type BlockData } from '../extent-node/block-format.js';
import { APPEND_RETRIES_MAX, APPEND_TIMEOUT_MS, APPENDS_IN_FLIGHT_MAX, BLOCK_HEADER_BYTES, EXTENT_BYTES_MAX } from '../limits.js';
import type { AppendAck, AppendChannel, ExtentNodes } from '../transport/extent-node-api.js';
import type { StreamManagerApi } from './stream-manager-client.js';

/** Take-overs of one stream racing ours that an open outlasts before it gives up. */
const TAKE_OVER_ATTEMPTS_MAX = 5;

/** How often the oldest unacknowledged append is checked against APPEND_TIMEOUT_MS. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

interface PendingAppend {
  /** Each block's payload length, for its pointer. */
  dataBytes: number[];
  /** The append's blocks in their on-disk encoding, computed once and sent as they are. */
  parts: Buffer[];
  bytes: number;
  offset: number;
  sentAtMs: number;
  resolve: (pointers: streamV1.BlockPointer__Output[]) => void;
  reject: (error: Error) => void;
}

/**
 * The single writer of one stream. Appends are pipelined to the head of the last extent's
 * chain and acknowledged in order. When an append fails or times out anywhere in the chain,
 * or the extent is full, the writer asks the stream manager to seal the extent and resends
 * every unacknowledged append, in order, to the fresh extent that follows. An append that
 * failed may nevertheless survive in the sealed extent: readers of a stream must tolerate
 * duplicates (the partition layer's records carry sequence numbers; its blob data is read
 * only through the pointers of acknowledged appends).
 *
 * Invariants (asserted): acknowledgements of one extent arrive in offset order, each where
 * the one before ended; the writer's epoch never changes; only the extent the stream manager
 * gave last is written.
 */
export class StreamWriter {
  private extent: streamV1.ExtentInfo__Output;
  private nextOffset = 0;
  /** Where the last acknowledged append of the current extent ended (-1: none yet). */
  private acknowledgedEnd = -1;
  private channel: AppendChannel | undefined;
  /** Sent on the current channel and not yet acknowledged, in offset order. */
  private inFlight: PendingAppend[] = [];
  /** Waiting for the switch to a fresh extent to finish. */
  private queued: PendingAppend[] = [];
  private switching = false;
  private sealing = false;
  private failuresInARow = 0;
  /** Set once closed or fenced: every later append fails with it. */
  private broken: Error | undefined;
  /** The last switch failed: the next append starts with a fresh seal. */
  private needsSwitch = false;
  private capacityWaiters: (() => void)[] = [];
  /** Woken whenever a switch ends or the writer has nothing left in flight. */
  private changeWaiters: (() => void)[] = [];
  private readonly timer: Timer;

  private constructor(
    private readonly deps: WriterDeps,
    private readonly streamId: string,
    lastExtent: streamV1.ExtentInfo__Output,
    /** This writer's epoch: a later take-over fences it out (see StreamManager.SealExtent). */
    readonly writerEpoch: number,
  ) {
    this.extent = lastExtent;
    this.timer = deps.clock.every(TIMEOUT_CHECK_INTERVAL_MS, () => this.checkTimeouts());
  }

  /**
   * Opens the stream for writing: takes it over under a new writer epoch, sealing its last
   * extent, so that any former writer (a partition server that lost the partition) can no
   * longer append, nor seal its way onto the new extent, and starts on a new one.
   */
  static async open(deps: WriterDeps & { streamId: string }): Promise<StreamWriter> {
    for (let attempt = 1; ; attempt++) {
      const before = await deps.manager.getStream(deps.streamId);
      const last = before.extents.at(-1);
      assert(last, 'a stream has at least one extent');
      const epoch = Number(before.writerEpoch) + 1;
      try {
        const after = await deps.manager.sealExtent(deps.streamId, last.extentId, { epoch, takeOver: true });
        const fresh = after.extents.at(-1);
        assert(Number(after.writerEpoch) >= epoch, `stream ${deps.streamId} went back from epoch ${epoch} to ${after.writerEpoch}`);
        // Taken over again before the answer was read: the last extent is the next writer's.
        if (Number(after.writerEpoch) > epoch) throw fencedOut(deps.streamId, epoch, Number(after.writerEpoch));
        assert(fresh && !fresh.sealed, 'a sealed stream ends with an unsealed extent');
        return new StreamWriter(deps, deps.streamId, fresh, epoch);
      } catch (error) {
        rethrowIfAssertion(error);
        // Another writer took the stream over between our read and our seal: read again.
        if (isStrataError(error, ['WRITER_FENCED']) && attempt < TAKE_OVER_ATTEMPTS_MAX) continue;
        // Taken over but with no room for a new extent: the stream is readable, and the
        // writer places the new extent at its first append.
        const now = await deps.manager.getStream(deps.streamId);
        const end = now.extents.at(-1);
        if (!end?.sealed || Number(now.writerEpoch) !== epoch) throw error;
        deps.log.warn({ streamId: deps.streamId, err: error }, 'stream opened sealed; new extent at first append');
        const writer = new StreamWriter(deps, deps.streamId, end, epoch);
        writer.needsSwitch = true;
        return writer;
      }
    }
  }

  /**
   * Appends `blocks` atomically and resolves with where each landed, once every replica holds
   * them durably. Waits while too many appends are in flight. A block given as a list of
   * buffers is sent as those buffers (never joined into one).
   */
  async append(blocks: readonly BlockData[]): Promise<streamV1.BlockPointer__Output[]> {
    assert(blocks.length > 0, 'an append has at least one block');
    while (!this.broken && this.inFlight.length + this.queued.length >= APPENDS_IN_FLIGHT_MAX) {
      await new Promise<void>((resolve) => this.capacityWaiters.push(resolve));
    }
    if (this.broken) throw this.broken;
    return new Promise((resolve, reject) => {
      const pending: PendingAppend = {
        dataBytes: blocks.map(blockDataBytes),
        parts: encodeAppend(blocks.map((data) => ({ data, crc32c: blockChecksum(data) }))),
        bytes: blocks.reduce((sum, data) => sum + BLOCK_HEADER_BYTES + blockDataBytes(data), 0),
        offset: -1,
        sentAtMs: 0,
        resolve,
        reject,
      };
      this.dispatch(pending);
    });
  }

  private dispatch(pending: PendingAppend): void {
    if (this.needsSwitch && !this.switching) {
      this.needsSwitch = false;
      this.queued.push(pending);
      this.switching = true;
      void this.finishSwitch();
    } else if (this.switching) {
      this.queued.push(pending);
    } else if (this.nextOffset > 0 && this.nextOffset + pending.bytes > (this.deps.extentBytesMax ?? EXTENT_BYTES_MAX)) {
      this.queued.push(pending);
      this.beginSwitch();
    } else {
      this.send(pending);
    }
  }

  private send(pending: PendingAppend): void {
    pending.offset = this.nextOffset;
    pending.sentAtMs = this.deps.clock.monotonicMs();
    this.nextOffset += pending.bytes;
    this.inFlight.push(pending);
    try {
      this.openChannel().send({ extentId: this.extent.extentId, offset: pending.offset, parts: pending.parts });
    } catch (error) {
      rethrowIfAssertion(error);
      this.onChannelError(this.channel, error);
    }
  }

  private openChannel(): AppendChannel {
    if (this.channel) return this.channel;
    const head = this.extent.replicas[0];
    if (!head?.address) throw new StreamError('UNAVAILABLE', `the head of extent ${this.extent.extentId} is not registered`);
    const holder: { channel?: AppendChannel } = {};
    const channel = this.deps.nodes.at(head).openAppend(
      {
        onAck: (ack) => this.onAck(holder.channel, ack),
        onError: (error) => this.onChannelError(holder.channel, error),
        onEnd: () => {
          if (holder.channel === this.channel && this.inFlight.length > 0)
            this.onChannelError(holder.channel, new StreamError('UNAVAILABLE', 'the chain ended the append session'));
        },
      },
      {},
    );
    holder.channel = channel;
    this.channel = channel;
    return channel;
  }

  private onAck(channel: AppendChannel | undefined, ack: AppendAck): void {
    if (channel !== this.channel) return;
    const done = this.inFlight[0];
    if (!done || done.offset !== ack.offset || done.offset + done.bytes !== ack.end) {
      this.onChannelError(channel, new StreamError('INTERNAL', `acknowledgement ${ack.offset}..${ack.end} out of order`));
      return;
    }
    assert(
      this.acknowledgedEnd < 0 || done.offset === this.acknowledgedEnd,
      `extent ${this.extent.extentId} acknowledged ${done.offset} after ${this.acknowledgedEnd}`,
    );
    this.acknowledgedEnd = ack.end;
    this.inFlight.shift();
    this.failuresInARow = 0;
    done.resolve(this.pointersOf(done));
    this.releaseCapacity();
    if (this.switching && this.inFlight.length === 0) void this.finishSwitch();
    this.wakeChangeWaiters();
  }

  private pointersOf(pending: PendingAppend): streamV1.BlockPointer__Output[] {
    let offset = pending.offset;
    return pending.dataBytes.map((dataBytes) => {
      const pointer = { extentId: this.extent.extentId, offset, dataBytes };
      offset += BLOCK_HEADER_BYTES + dataBytes;
      return pointer;
    });
  }

  private onChannelError(channel: AppendChannel | undefined, error: unknown): void {
    if (channel !== this.channel) return;
    this.channel = undefined;
    channel?.cancel();
    this.failuresInARow++;
    this.deps.log.warn(
      { streamId: this.streamId, extentId: this.extent.extentId, err: fromServiceError(error), unacknowledged: this.inFlight.length },
      'append failed; sealing the extent',
    );
    this.queued = [...this.inFlight, ...this.queued];
    this.inFlight = [];
    if (this.failuresInARow > APPEND_RETRIES_MAX) {
      this.failAll(new StreamError('UNAVAILABLE', `appends to stream ${this.streamId} failed ${this.failuresInARow} times in a row`));
      this.failuresInARow = 0;
      return;
    }
    this.switching = true;
    void this.finishSwitch();
  }

  private beginSwitch(): void {
    this.switching = true;
    if (this.inFlight.length === 0) void this.finishSwitch();
  }

  /** Seals the current extent and resends what is queued to the fresh one. */
  private async finishSwitch(): Promise<void> {
    if (this.sealing || this.broken) return;
    this.sealing = true;
    this.channel?.end();
    this.channel = undefined;
    try {
      // Back off after failures, so that a node just found dead or full is out of the
      // manager's placement (its lease runs out; its registration says full) before we retry.
      if (this.failuresInARow > 1) await this.deps.clock.sleep(Math.min(2_000, 100 * 2 ** (this.failuresInARow - 2)));
      const stream = await this.deps.manager.sealExtent(this.streamId, this.extent.extentId, { epoch: this.writerEpoch, takeOver: false });
      const fresh = stream.extents.at(-1);
      assert(Number(stream.writerEpoch) >= this.writerEpoch, `stream ${this.streamId} went back from epoch ${this.writerEpoch} to ${stream.writerEpoch}`);
      // Taken over right after our seal: the extent now last is the next writer's, never ours.
      if (Number(stream.writerEpoch) > this.writerEpoch) throw fencedOut(this.streamId, this.writerEpoch, Number(stream.writerEpoch));
      if (!fresh || fresh.sealed || fresh.extentId === this.extent.extentId) throw new StreamError('INTERNAL', 'the seal did not start a fresh extent');
      this.extent = fresh;
      this.nextOffset = 0;
      this.acknowledgedEnd = -1;
    } catch (error) {
      rethrowIfAssertion(error);
      // Taken over: this writer may never append again (what it has not had acknowledged
      // fails, and its owner reloads from the stream, or finds it is no longer the owner).
      if (isStrataError(error, ['WRITER_FENCED'])) this.broken = error;
      this.failAll(error instanceof Error ? error : new Error(String(error)));
      return;
    } finally {
      this.sealing = false;
    }
    this.switching = false;
    const queued = this.queued;
    this.queued = [];
    for (const pending of queued) this.dispatch(pending);
    this.wakeChangeWaiters();
  }

  private checkTimeouts(): void {
    const oldest = this.inFlight[0];
    if (oldest && this.deps.clock.monotonicMs() - oldest.sentAtMs > APPEND_TIMEOUT_MS) {
      this.onChannelError(this.channel, new StreamError('DEADLINE_EXCEEDED', `append not acknowledged within ${APPEND_TIMEOUT_MS} ms`));
    }
  }

  private releaseCapacity(): void {
    this.capacityWaiters.shift()?.();
  }

  private wakeChangeWaiters(): void {
    for (const waiter of this.changeWaiters.splice(0)) waiter();
  }

  /** Resolves at the next switch end, acknowledgement or failure. */
  private changed(): Promise<void> {
    return new Promise((resolve) => this.changeWaiters.push(resolve));
  }

  /**
   * Fails every append not yet acknowledged. The writer stays usable: the next append begins
   * with a fresh seal, so a stream recovers once nodes (or room) are back.
   */
  private failAll(error: Error): void {
    this.deps.log.error({ streamId: this.streamId, err: error }, 'appends failed');
    this.channel?.cancel();
    this.channel = undefined;
    this.switching = false;
    this.needsSwitch = true;
    for (const pending of [...this.inFlight, ...this.queued]) pending.reject(error);
    this.inFlight = [];
    this.queued = [];
    for (const waiter of this.capacityWaiters.splice(0)) waiter();
    this.wakeChangeWaiters();
  }

  /**
   * Seals the extent appends go to now and moves to a fresh one, once the appends in flight
   * are acknowledged (space reclamation seals an open extent before compacting it). Resolves
   * with the sealed extent's id, or undefined when the extent was empty and left open.
   */
  async rollOver(): Promise<string | undefined> {
    if (this.broken) throw this.broken;
    const rolled = this.extent.extentId;
    if (this.nextOffset === 0 && !this.switching && !this.needsSwitch) return undefined;
    if (!this.switching) {
      this.needsSwitch = false;
      this.beginSwitch();
    }
    while (!this.broken && this.switching && this.extent.extentId === rolled) await this.changed();
    if (this.extent.extentId === rolled) throw this.broken ?? new StreamError('UNAVAILABLE', `extent ${rolled} could not be sealed`);
    return rolled;
  }

  /** Bytes appended (sent) to the current extent so far. */
  get appendedBytes(): number {
    return this.nextOffset;
  }

  /** The stream this writer writes. */
  get streamIdentifier(): string {
    return this.streamId;
  }

  /** The extent appends go to now (its replicas in chain order). */
  get currentExtent(): streamV1.ExtentInfo__Output {
    return this.extent;
  }

  /**
   * Waits (up to APPEND_TIMEOUT_MS) for appends in flight, then ends the session; what is
   * still unacknowledged fails. Later appends fail.
   */
  async close(): Promise<void> {
    this.timer.cancel();
    let timedOut = false;
    const deadline = this.deps.clock.after(APPEND_TIMEOUT_MS, () => {
      timedOut = true;
      this.wakeChangeWaiters();
    });
    while (!this.broken && !timedOut && (this.inFlight.length > 0 || this.queued.length > 0)) await this.changed();
    deadline.cancel();
    const closed = new StreamError('UNAVAILABLE', 'the stream writer is closed');
    if (this.inFlight.length > 0 || this.queued.length > 0) this.failAll(closed);
    this.broken ??= closed;
    this.channel?.end();
    this.channel = undefined;
  }
}

function fencedOut(streamId: string, epoch: number, current: number): StreamError {
  return new StreamError('WRITER_FENCED', `stream ${streamId} was taken over at epoch ${current} after this writer's ${epoch}`);
}

export interface WriterDeps {
  manager: StreamManagerApi;
  nodes: ExtentNodes;
  clock: Clock;
  log: Logger;
  /** Seal and move on once an extent holds this much (default EXTENT_BYTES_MAX). */
  extentBytesMax?: number;
}
