import type { Socket } from 'node:net';
import { isStrataError, rethrowIfAssertion, startTcpServer, type Logger, type StartedTcpServer } from '@strata/common';
import type { AppendMessage, AppendUpstream } from '../extent-node-api.js';
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

/** What the block server serves: an extent node's appends and raw reads (ExtentNodeService). */
export interface BlockService {
  append(upstream: AppendUpstream): void;
  /** Whole blocks of a range in their on-disk bytes, each checked against its CRC. */
  readRaw(request: { extentId: string; offset: number; lengthBytes: number }): AsyncIterable<{ offset: number; bytes: Buffer }>;
}

/** Its `address` is host:port (the node registers it as its data address). */
export type StartedBlockServer = StartedTcpServer;

/** Bytes of blocks a read puts in one Data frame (a block larger than this goes alone). */
const READ_FRAME_BYTES = 1024 * 1024;

interface ServerAppend {
  kind: 'append';
  extentId: string;
  handlers?: { onRequest(append: AppendMessage): void; onEnd(): void; onGone(): void };
  /** Frames that arrived before the service started listening. */
  early: Frame[];
}

interface ServerRead {
  kind: 'read';
  cancelled: boolean;
}

/**
 * An extent node's block transport: appends and reads of blob bytes over plain TCP, framed
 * (frames.ts), many streams per connection. An append's payload goes to the service as the
 * slices it arrived in; a read's blocks go out as the bytes they are on disk. Back-pressure is
 * TCP's: a node that cannot keep up stops reading its upstream socket, and a read waits for
 * its socket to drain.
 */
export async function startBlockServer(options: { address: string; service: BlockService; log: Logger }): Promise<StartedBlockServer> {
  return startTcpServer(options.address, (socket) => serveConnection(socket, options.service, options.log));
}

function serveConnection(socket: Socket, service: BlockService, log: Logger): void {
  socket.setNoDelay(true);
  const streams = new Map<number, ServerAppend | ServerRead>();
  const send = (type: FrameTypeCode, streamId: number, meta: Buffer, payload: readonly Buffer[] = []): boolean => {
    if (socket.destroyed) return false;
    const payloadBytes = payload.reduce((sum, part) => sum + part.length, 0);
    socket.cork();
    socket.write(frameHead(type, streamId, meta, payloadBytes));
    let ok = true;
    for (const part of payload) ok = socket.write(part);
    socket.uncork();
    return ok;
  };
  const sendError = (streamId: number, error: unknown): void => {
    const code = isStrataError(error) ? error.code : 'INTERNAL';
    send(FrameType.Error, streamId, jsonMeta({ code, message: error instanceof Error ? error.message : String(error) }));
  };
  const reader = new FrameReader((frame) => {
    const stream = streams.get(frame.streamId);
    switch (frame.type) {
      case FrameType.OpenAppend: {
        if (stream) throw new FrameError(`stream ${frame.streamId} is open already`);
        const { extentId, requestId } = parseJsonMeta<{ extentId: string; requestId?: string }>(frame.meta);
        const append: ServerAppend = { kind: 'append', extentId, early: [] };
        streams.set(frame.streamId, append);
        service.append(appendUpstream(frame.streamId, append, requestId));
        return;
      }
      case FrameType.Append:
      case FrameType.End:
        if (stream?.kind !== 'append') return; // ended already (a failure): the sender hears of it
        if (!stream.handlers) stream.early.push(frame);
        else deliver(stream, frame);
        return;
      case FrameType.Cancel:
        if (stream?.kind === 'append') stream.handlers?.onGone();
        if (stream?.kind === 'read') stream.cancelled = true;
        streams.delete(frame.streamId);
        return;
      case FrameType.Read: {
        if (stream) throw new FrameError(`stream ${frame.streamId} is open already`);
        const request = parseJsonMeta<{ extentId: string; offset: number; lengthBytes: number }>(frame.meta);
        const read: ServerRead = { kind: 'read', cancelled: false };
        streams.set(frame.streamId, read);
        void serveRead(frame.streamId, read, request);
        return;
      }
      default:
        throw new FrameError(`unexpected frame type ${frame.type}`);
    }
  });
  const deliver = (stream: ServerAppend, frame: Frame): void => {
    if (frame.type === FrameType.End) return stream.handlers!.onEnd();
    const [offset] = parseNumbersMeta(frame.meta, 1);
    stream.handlers!.onRequest({ extentId: stream.extentId, offset: offset!, parts: frame.payload });
  };
  const appendUpstream = (streamId: number, stream: ServerAppend, requestId: string | undefined): AppendUpstream => ({
    requestId,
    start: (handlers) => {
      stream.handlers = handlers;
      for (const frame of stream.early.splice(0)) deliver(stream, frame);
    },
    acknowledge: (ack) => void send(FrameType.Ack, streamId, numbersMeta(ack.offset, ack.end)),
    fail: (error) => {
      if (streams.get(streamId) !== stream) return;
      streams.delete(streamId);
      sendError(streamId, error);
    },
    end: () => {
      if (streams.get(streamId) !== stream) return;
      streams.delete(streamId);
      send(FrameType.Close, streamId, Buffer.alloc(0));
    },
    pause: () => socket.pause(),
    resume: () => socket.resume(),
  });
  const serveRead = async (streamId: number, read: ServerRead, request: { extentId: string; offset: number; lengthBytes: number }): Promise<void> => {
    try {
      let batch: Buffer[] = [];
      let batchOffset = request.offset;
      let batchBytes = 0;
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const written = send(FrameType.Data, streamId, numbersMeta(batchOffset), batch);
        batch = [];
        batchBytes = 0;
        if (!written) await drained(socket);
      };
      for await (const block of service.readRaw(request)) {
        if (read.cancelled || socket.destroyed) return;
        if (batchBytes > 0 && batchBytes + block.bytes.length > READ_FRAME_BYTES) await flush();
        if (batch.length === 0) batchOffset = block.offset;
        batch.push(block.bytes);
        batchBytes += block.bytes.length;
      }
      await flush();
      if (!read.cancelled) send(FrameType.Close, streamId, Buffer.alloc(0));
    } catch (error) {
      rethrowIfAssertion(error);
      if (!read.cancelled) sendError(streamId, error);
    } finally {
      if (streams.get(streamId) === read) streams.delete(streamId);
    }
  };
  feedFrames(socket, reader, (error) => {
    log.warn({ err: error, remote: socket.remoteAddress }, 'block transport connection refused: bad frames');
    socket.destroy();
  });
  const gone = (): void => {
    for (const [streamId, stream] of streams) {
      if (stream.kind === 'append') stream.handlers?.onGone();
      else stream.cancelled = true;
      streams.delete(streamId);
    }
  };
  socket.on('close', gone);
  // A reset connection is how a dead peer shows; `close` follows and ends its streams.
  socket.on('error', (error) => log.debug({ err: error }, 'block transport connection failed'));
}

/** Resolves when the socket can take more bytes, or is gone. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}
