import type * as grpc from '@grpc/grpc-js';
import { assert, callMetadata, fromServiceError, isStrataError, type ClientPool, type Clock, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import { blockChecksum } from '../extent-node/block-format.js';
import { APPEND_RETRIES_MAX, APPEND_TIMEOUT_MS, APPENDS_IN_FLIGHT_MAX, BLOCK_HEADER_BYTES, EXTENT_BYTES_MAX } from '../limits.js';
import type { StreamManagerClient } from './stream-manager-client.js';

/** Take-overs of one stream racing ours that an open outlasts before it gives up. */
const TAKE_OVER_ATTEMPTS_MAX = 5;

type AppendCall = grpc.ClientDuplexStream<streamV1.AppendRequest, streamV1.AppendResponse__Output>;

interface PendingAppend {
  blocks: streamV1.Block[];
  bytes: number;
  offset: number;
  sentAtMs: number;
  resolve: (pointers: streamV1.BlockPointer[]) => void;
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
 */
export class StreamWriter {
  private extent: streamV1.ExtentInfo__Output;
  private nextOffset = 0;
  private call: AppendCall | undefined;
  /** Sent on the current call and not yet acknowledged, in offset order. */
  private inFlight: PendingAppend[] = [];
  /** Waiting for the switch to a fresh extent to finish. */
  private queued: PendingAppend[] = [];
  private switching = false;
  private sealing = false;
  private failuresInARow = 0;
  /** Set once closed: every later append fails with it. */
  private broken: Error | undefined;
  /** The last switch failed: the next append starts with a fresh seal. */
  private needsSwitch = false;
  private capacityWaiters: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly deps: WriterDeps,
    private readonly streamId: string,
    lastExtent: streamV1.ExtentInfo__Output,
    /** This writer's epoch: a later take-over fences it out (see StreamManager.SealExtent). */
    readonly writerEpoch: number,
  ) {
    this.extent = lastExtent;
    this.timer = setInterval(() => this.checkTimeouts(), 1_000);
    this.timer.unref();
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
        assert(fresh && !fresh.sealed, 'a sealed stream ends with an unsealed extent');
        return new StreamWriter(deps, deps.streamId, fresh, epoch);
      } catch (error) {
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
   * them durably. Waits while too many appends are in flight.
   */
  async append(blocks: readonly Buffer[]): Promise<streamV1.BlockPointer[]> {
    assert(blocks.length > 0, 'an append has at least one block');
    while (!this.broken && this.inFlight.length + this.queued.length >= APPENDS_IN_FLIGHT_MAX) {
      await new Promise<void>((resolve) => this.capacityWaiters.push(resolve));
    }
    if (this.broken) throw this.broken;
    return new Promise((resolve, reject) => {
      const pending: PendingAppend = {
        blocks: blocks.map((data) => ({ data, crc32c: blockChecksum(data) })),
        bytes: blocks.reduce((sum, data) => sum + BLOCK_HEADER_BYTES + data.length, 0),
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
      this.openCall().write({ extentId: this.extent.extentId, offset: pending.offset, blocks: pending.blocks });
    } catch (error) {
      this.onCallError(this.call, error);
    }
  }

  private openCall(): AppendCall {
    if (this.call) return this.call;
    const head = this.extent.replicas[0]?.address;
    if (!head) throw new StreamError('UNAVAILABLE', `the head of extent ${this.extent.extentId} is not registered`);
    const call = this.deps.nodes.get(head).append(callMetadata({ timeoutMs: 0 }));
    call.on('data', (reply: streamV1.AppendResponse__Output) => this.onAck(call, reply));
    call.on('error', (error) => this.onCallError(call, error));
    call.on('end', () => {
      if (call === this.call && this.inFlight.length > 0) this.onCallError(call, new StreamError('UNAVAILABLE', 'the chain ended the append call'));
    });
    this.call = call;
    return call;
  }

  private onAck(call: AppendCall, reply: streamV1.AppendResponse__Output): void {
    if (call !== this.call) return;
    const done = this.inFlight[0];
    if (!done || done.offset !== reply.offset || done.offset + done.bytes !== reply.end) {
      this.onCallError(call, new StreamError('INTERNAL', `acknowledgement ${reply.offset}..${reply.end} out of order`));
      return;
    }
    this.inFlight.shift();
    this.failuresInARow = 0;
    done.resolve(this.pointersOf(done));
    this.releaseCapacity();
    if (this.switching && this.inFlight.length === 0) void this.finishSwitch();
  }

  private pointersOf(pending: PendingAppend): streamV1.BlockPointer[] {
    let offset = pending.offset;
    return pending.blocks.map((block) => {
      const dataBytes = (block.data as Buffer).length;
      const pointer = { extentId: this.extent.extentId, offset, dataBytes };
      offset += BLOCK_HEADER_BYTES + dataBytes;
      return pointer;
    });
  }

  private onCallError(call: AppendCall | undefined, error: unknown): void {
    if (call !== this.call) return;
    this.call = undefined;
    call?.cancel();
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
    this.call?.end();
    this.call = undefined;
    try {
      // Back off after failures, so that a node just found dead or full is out of the
      // manager's placement (its lease runs out; its registration says full) before we retry.
      if (this.failuresInARow > 1) await this.deps.clock.sleep(Math.min(2_000, 100 * 2 ** (this.failuresInARow - 2)));
      const stream = await this.deps.manager.sealExtent(this.streamId, this.extent.extentId, { epoch: this.writerEpoch, takeOver: false });
      const fresh = stream.extents.at(-1);
      if (!fresh || fresh.sealed || fresh.extentId === this.extent.extentId) throw new StreamError('INTERNAL', 'the seal did not start a fresh extent');
      this.extent = fresh;
      this.nextOffset = 0;
    } catch (error) {
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
  }

  private checkTimeouts(): void {
    const oldest = this.inFlight[0];
    if (oldest && this.deps.clock.monotonicMs() - oldest.sentAtMs > APPEND_TIMEOUT_MS) {
      this.onCallError(this.call, new StreamError('DEADLINE_EXCEEDED', `append not acknowledged within ${APPEND_TIMEOUT_MS} ms`));
    }
  }

  private releaseCapacity(): void {
    this.capacityWaiters.shift()?.();
  }

  /**
   * Fails every append not yet acknowledged. The writer stays usable: the next append begins
   * with a fresh seal, so a stream recovers once nodes (or room) are back.
   */
  private failAll(error: Error): void {
    this.deps.log.error({ streamId: this.streamId, err: error }, 'appends failed');
    this.call?.cancel();
    this.call = undefined;
    this.switching = false;
    this.needsSwitch = true;
    for (const pending of [...this.inFlight, ...this.queued]) pending.reject(error);
    this.inFlight = [];
    this.queued = [];
    for (const waiter of this.capacityWaiters.splice(0)) waiter();
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
    while (!this.broken && this.switching && this.extent.extentId === rolled) await this.deps.clock.sleep(5);
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
   * Waits (up to APPEND_TIMEOUT_MS) for appends in flight, then ends the call; what is still
   * unacknowledged fails. Later appends fail.
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const deadline = this.deps.clock.monotonicMs() + APPEND_TIMEOUT_MS;
    while (!this.broken && (this.inFlight.length > 0 || this.queued.length > 0) && this.deps.clock.monotonicMs() < deadline) {
      await this.deps.clock.sleep(10);
    }
    const closed = new StreamError('UNAVAILABLE', 'the stream writer is closed');
    if (this.inFlight.length > 0 || this.queued.length > 0) this.failAll(closed);
    this.broken ??= closed;
    this.call?.end();
    this.call = undefined;
  }
}

export interface WriterDeps {
  manager: StreamManagerClient;
  nodes: ClientPool<streamV1.ExtentNodeClient>;
  clock: Clock;
  log: Logger;
  /** Seal and move on once an extent holds this much (default EXTENT_BYTES_MAX). */
  extentBytesMax?: number;
}
