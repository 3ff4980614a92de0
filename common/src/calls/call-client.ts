import { connect, type Socket } from 'node:net';
import type * as grpc from '@grpc/grpc-js';
import { assert } from '../assert.js';
import type { Clock, Timer } from '../clock.js';
import { StrataError } from '../errors.js';
import { FrameWriter } from '../frames/frame-writer.js';
import { FrameReader, feedFrames, frameHead, jsonMeta, type Frame } from '../frames/frames.js';
import type { CallContext } from '../grpc/client.js';
import { hostAndPort } from '../net-address.js';
import { CallFrame, parseFailure, wholePayload, type CallMeta } from './call-frames.js';

interface Pending {
  resolve: (reply: Buffer) => void;
  reject: (error: StrataError) => void;
  timer: Timer;
}

/** Stream ids wrap below 2^32; a connection never has anywhere near that many calls in flight. */
const STREAM_ID_LIMIT = 0xffff_ffff;

/** One connection to a call server: calls multiplexed by stream id, answered in any order. */
class CallConnection {
  private readonly socket: Socket;
  private readonly writer: FrameWriter;
  private readonly pending = new Map<number, Pending>();
  private nextStreamId = 1;
  /** Whether the connection was ever made: until then no call's bytes reached the server. */
  private connected = false;
  closed = false;

  constructor(
    address: string,
    private readonly clock: Clock,
    private readonly onClosed: () => void,
  ) {
    const { host, port } = hostAndPort(address);
    this.socket = connect({ host, port, noDelay: true });
    this.socket.setKeepAlive(true, 10_000);
    this.writer = new FrameWriter(this.socket);
    this.socket.once('connect', () => (this.connected = true));
    const reader = new FrameReader((frame) => this.answered(frame));
    feedFrames(this.socket, reader, () => this.close(`the call server at ${address} sent bytes that are not call frames`));
    this.socket.on('error', (error) => this.close(`the call server at ${address}: ${error.message}`));
    this.socket.on('close', () => this.close(`the connection to the call server at ${address} closed`));
  }

  call(meta: CallMeta, request: Buffer, timeoutMs: number): Promise<Buffer> {
    if (this.closed) return Promise.reject(new StrataError('UNAVAILABLE', 'the call connection is closed'));
    const streamId = this.nextStreamId;
    this.nextStreamId = this.nextStreamId === STREAM_ID_LIMIT ? 1 : this.nextStreamId + 1;
    assert(!this.pending.has(streamId), `call stream id ${streamId} is in use`);
    return new Promise<Buffer>((resolve, reject) => {
      const timer = this.clock.after(timeoutMs, () => {
        // The late answer, if one comes, finds no call and is dropped.
        this.pending.delete(streamId);
        reject(new StrataError('DEADLINE_EXCEEDED', `${meta.method} got no answer within ${timeoutMs} ms`));
      });
      this.pending.set(streamId, { resolve, reject, timer });
      this.writer.write(frameHead(CallFrame.Call, streamId, jsonMeta(meta), request.length), request);
    });
  }

  private answered(frame: Frame): void {
    const pending = this.pending.get(frame.streamId);
    if (!pending) return; // timed out already
    this.pending.delete(frame.streamId);
    pending.timer.cancel();
    if (frame.type === CallFrame.Reply) pending.resolve(wholePayload(frame.payload));
    else if (frame.type === CallFrame.Failure) pending.reject(parseFailure(frame.meta));
    else pending.reject(new StrataError('INTERNAL', `unexpected call frame type ${frame.type}`));
  }

  /**
   * Fails every call in flight and forgets the connection. The server may or may not have run
   * them, unless the connection was never made: `details.delivered` says which, so that a
   * caller may retry a call that is not idempotent only when it surely never arrived.
   */
  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    this.socket.destroy();
    for (const pending of this.pending.values()) {
      pending.timer.cancel();
      pending.reject(new StrataError('UNAVAILABLE', reason, { delivered: this.connected }));
    }
    this.pending.clear();
  }
}

/**
 * The client of the call transport (call-server.ts): one connection per server address, made on
 * first use and again after it closes. A call rejects with the server's typed error, with
 * UNAVAILABLE when its connection fails (callers retry as they retry an unreachable gRPC peer),
 * or with DEADLINE_EXCEEDED when no answer came in time.
 */
export class CallPool {
  private readonly connections = new Map<string, CallConnection>();

  constructor(private readonly clock: Clock) {}

  /** Calls a unary `method` (its gRPC definition gives the encodings) on the server at `address`. */
  async unary<Request, Reply>(address: string, method: grpc.MethodDefinition<Request, Reply>, request: Request, context: CallContext): Promise<Reply> {
    const meta: CallMeta = { method: method.path, ...(context.requestId ? { requestId: context.requestId } : {}) };
    const reply = await this.connection(address).call(meta, method.requestSerialize(request), context.timeoutMs);
    return method.responseDeserialize(reply);
  }

  private connection(address: string): CallConnection {
    let connection = this.connections.get(address);
    if (!connection) {
      const made: CallConnection = new CallConnection(address, this.clock, () => {
        if (this.connections.get(address) === made) this.connections.delete(address);
      });
      connection = made;
      this.connections.set(address, connection);
    }
    return connection;
  }

  close(): void {
    for (const connection of [...this.connections.values()]) connection.close('the call pool is closed');
    this.connections.clear();
  }
}
