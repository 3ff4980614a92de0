import { connect, type Socket } from 'node:net';
import { StrataError, hostAndPort, ignoreError, systemClock, type CallContext, type Clock } from '@strata/common';
import { walkEncodedBlocks } from '../../extent-node/encoded-blocks.js';
import type { AppendChannel, AppendHandlers, AppendMessage, ReadBlock } from '../extent-node-api.js';
import {
  FrameError,
  FrameReader,
  feedFrames,
  FrameType,
  frameHead,
  jsonMeta,
  numbersMeta,
  parseJsonMeta,
  parseNumbersMeta,
  type Frame,
  type FrameTypeCode,
} from './frames.js';

/** How long a connection may take to open before its streams fail. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Idle read connections kept per node for the next read. */
const IDLE_READ_CONNECTIONS_MAX = 4;
/** Bytes a read buffers ahead of its consumer before it stops reading its socket. */
const READ_AHEAD_BYTES = 8 * 1024 * 1024;

interface StreamHandlers {
  onFrame(frame: Frame): void;
  onGone(error: Error): void;
}

/** One TCP connection to a node's block transport, carrying many streams. */
class BlockConnection {
  private readonly socket: Socket;
  private readonly streams = new Map<number, StreamHandlers>();
  private nextStreamId = 1;
  private failure: Error | undefined;
  private readonly ready: Promise<void>;

  constructor(
    readonly dataAddress: string,
    private readonly onClosed: (connection: BlockConnection) => void,
    clock: Clock,
  ) {
    this.socket = connect(hostAndPort(dataAddress));
    this.socket.setNoDelay(true);
    const timer = clock.after(CONNECT_TIMEOUT_MS, () =>
      this.socket.destroy(new StrataError('UNAVAILABLE', `no connection to ${dataAddress} within ${CONNECT_TIMEOUT_MS} ms`)),
    );
    // Settles either way: a connection refused, reset or timed out before it opened must fail
    // whoever waits for it, or a read to a node that is down would wait for ever.
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => (timer.cancel(), resolve()));
      this.socket.once('close', () => {
        timer.cancel();
        reject(new StrataError('UNAVAILABLE', `no connection to ${dataAddress}${this.failure ? `: ${this.failure.message}` : ''}`));
      });
    });
    // Appends never wait for it (their streams hear of a failure through onGone): not every
    // connection has a waiter to take the rejection.
    this.ready.catch(ignoreError);
    const reader = new FrameReader((frame) => this.streams.get(frame.streamId)?.onFrame(frame));
    feedFrames(this.socket, reader, (error) =>
      this.socket.destroy(error instanceof FrameError ? new StrataError('INTERNAL', `node ${dataAddress} sent bad frames: ${error.message}`) : error),
    );
    this.socket.on('error', (error) => (this.failure ??= error));
    this.socket.on('close', () => {
      timer.cancel();
      const error = new StrataError('UNAVAILABLE', `the connection to ${dataAddress} closed${this.failure ? `: ${this.failure.message}` : ''}`);
      for (const stream of [...this.streams.values()]) stream.onGone(error);
      this.streams.clear();
      this.onClosed(this);
    });
  }

  get alive(): boolean {
    return !this.socket.destroyed;
  }

  get idle(): boolean {
    return this.streams.size === 0;
  }

  open(handlers: StreamHandlers): number {
    const streamId = this.nextStreamId++;
    this.streams.set(streamId, handlers);
    return streamId;
  }

  forget(streamId: number): void {
    this.streams.delete(streamId);
  }

  /** Writes one frame (the payload's slices as they are); false when the socket is full. */
  send(type: FrameTypeCode, streamId: number, meta: Buffer, payload: readonly Buffer[] = []): boolean {
    if (this.socket.destroyed) return false;
    const payloadBytes = payload.reduce((sum, part) => sum + part.length, 0);
    this.socket.cork();
    this.socket.write(frameHead(type, streamId, meta, payloadBytes));
    let ok = true;
    for (const part of payload) ok = this.socket.write(part);
    this.socket.uncork();
    return ok;
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  async connected(): Promise<void> {
    await this.ready;
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * The client side of the block transport: appends on one connection per node (many
 * sessions share it; acknowledgements are small), reads each on a connection of its own from a
 * pool (so TCP's back-pressure holds one slow reader, not the others).
 */
export class BlockClient {
  private readonly appendConnections = new Map<string, BlockConnection>();
  private readonly idleReads = new Map<string, BlockConnection[]>();

  constructor(private readonly clock: Clock = systemClock) {}

  private appendConnection(dataAddress: string): BlockConnection {
    let connection = this.appendConnections.get(dataAddress);
    if (!connection?.alive) {
      connection = new BlockConnection(
        dataAddress,
        (closed) => this.appendConnections.get(dataAddress) === closed && this.appendConnections.delete(dataAddress),
        this.clock,
      );
      this.appendConnections.set(dataAddress, connection);
    }
    return connection;
  }

  private readConnection(dataAddress: string): BlockConnection {
    const idle = this.idleReads.get(dataAddress) ?? [];
    for (let connection = idle.pop(); connection; connection = idle.pop()) if (connection.alive) return connection;
    return new BlockConnection(
      dataAddress,
      (closed) =>
        this.idleReads.set(
          dataAddress,
          (this.idleReads.get(dataAddress) ?? []).filter((c) => c !== closed),
        ),
      this.clock,
    );
  }

  private releaseRead(connection: BlockConnection): void {
    const idle = this.idleReads.get(connection.dataAddress) ?? [];
    if (connection.alive && connection.idle && idle.length < IDLE_READ_CONNECTIONS_MAX) {
      connection.resume();
      idle.push(connection);
      this.idleReads.set(connection.dataAddress, idle);
    } else {
      connection.close();
    }
  }

  /** An append session with the node at `dataAddress` (see AppendChannel). */
  openAppend(dataAddress: string, handlers: AppendHandlers, options: { requestId?: string }): AppendChannel {
    const connection = this.appendConnection(dataAddress);
    let ended = false;
    const finish = (): void => {
      ended = true;
      connection.forget(streamId);
    };
    const streamId = connection.open({
      onFrame: (frame) => {
        if (ended) return;
        if (frame.type === FrameType.Ack) {
          const [offset, end] = parseNumbersMeta(frame.meta, 2);
          handlers.onAck({ offset: offset!, end: end! });
        } else if (frame.type === FrameType.Error) {
          finish();
          handlers.onError(errorOf(frame));
        } else if (frame.type === FrameType.Close) {
          finish();
          handlers.onEnd();
        }
      },
      onGone: (error) => {
        if (ended) return;
        finish();
        handlers.onError(error);
      },
    });
    let extentId: string | undefined;
    return {
      send: (append: AppendMessage) => {
        if (ended) return;
        if (extentId === undefined) {
          extentId = append.extentId;
          connection.send(FrameType.OpenAppend, streamId, jsonMeta({ extentId, ...(options.requestId ? { requestId: options.requestId } : {}) }));
        }
        connection.send(FrameType.Append, streamId, numbersMeta(append.offset), append.parts);
      },
      end: () => {
        if (!ended && extentId !== undefined) connection.send(FrameType.End, streamId, Buffer.alloc(0));
        else if (!ended) finish();
      },
      cancel: () => {
        if (ended) return;
        if (extentId !== undefined) connection.send(FrameType.Cancel, streamId, Buffer.alloc(0));
        finish();
      },
    };
  }

  /**
   * The blocks of a range from the node at `dataAddress`, each checked against its CRC32C as it
   * arrives: a block damaged on the way fails the read (CHECKSUM_MISMATCH) before any byte of
   * it is handed on.
   */
  async *readBlocks(
    dataAddress: string,
    request: { extentId: string; offset: number; lengthBytes: number; requestId?: string },
    context: CallContext,
  ): AsyncGenerator<ReadBlock> {
    const connection = this.readConnection(dataAddress);
    const queue: Frame[] = [];
    let queuedBytes = 0;
    let done: Error | 'closed' | undefined;
    let wake: (() => void) | undefined;
    const streamId = connection.open({
      onFrame: (frame) => {
        if (frame.type === FrameType.Data) {
          queue.push(frame);
          queuedBytes += frame.payloadBytes;
          if (queuedBytes > READ_AHEAD_BYTES) connection.pause();
        } else if (frame.type === FrameType.Error) done = errorOf(frame);
        else if (frame.type === FrameType.Close) done = 'closed';
        wake?.();
      },
      onGone: (error) => {
        done ??= error;
        wake?.();
      },
    });
    const deadline = this.clock.after(context.timeoutMs, () => {
      done ??= new StrataError('DEADLINE_EXCEEDED', `read of ${request.extentId} from ${dataAddress} not done within ${context.timeoutMs} ms`);
      wake?.();
    });
    let finished = false;
    try {
      await connection.connected();
      connection.send(FrameType.Read, streamId, jsonMeta(request));
      for (;;) {
        const frame = queue.shift();
        if (frame) {
          queuedBytes -= frame.payloadBytes;
          if (queuedBytes <= READ_AHEAD_BYTES / 2) connection.resume();
          const [offset] = parseNumbersMeta(frame.meta, 1);
          for (const block of walkEncodedBlocks(frame.payload, { append: false })) {
            yield { offset: offset! + block.offset, parts: block.data, dataBytes: block.header.dataBytes, flags: block.header.flags };
          }
          continue;
        }
        if (done === 'closed') {
          finished = true;
          return;
        }
        if (done) throw done;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      deadline.cancel();
      connection.forget(streamId);
      if (!finished) {
        // Abandoned or failed midway: the connection may still carry bytes of this read.
        connection.send(FrameType.Cancel, streamId, Buffer.alloc(0));
        connection.close();
      } else {
        this.releaseRead(connection);
      }
    }
  }

  close(): void {
    for (const connection of this.appendConnections.values()) connection.close();
    for (const idle of this.idleReads.values()) for (const connection of idle) connection.close();
    this.appendConnections.clear();
    this.idleReads.clear();
  }
}

function errorOf(frame: Frame): StrataError {
  const { code, message } = parseJsonMeta<{ code: string; message: string }>(frame.meta);
  return new StrataError(code, message);
}
