import type { Socket } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { rethrowIfAssertion } from '../assert.js';
import { StrataError } from '../errors.js';
import { FrameWriter } from '../frames/frame-writer.js';
import { FrameError, FrameReader, feedFrames, frameHead, parseJsonMeta } from '../frames/frames.js';
import { ERROR_CODE_KEY } from '../grpc/errors.js';
import { REQUEST_ID_KEY } from '../grpc/client.js';
import type { Logger } from '../logger.js';
import { startTcpServer, type StartedTcpServer } from '../net-address.js';
import { CallFrame, failureMeta, wholePayload, type CallMeta } from './call-frames.js';

/** Its `address` is host:port (the role registers it next to its gRPC address). */
export type StartedCallServer = StartedTcpServer;

/** Answers one call: the request's encoding in, the reply's encoding out, or a StrataError. */
type CallHandler = (request: Buffer, requestId: string | undefined) => Promise<Buffer>;

/**
 * Serves some unary methods of a gRPC service over the call transport: plain TCP, one frame
 * each way per call (call-frames.ts), for the calls on every request's path whose gRPC
 * machinery (HTTP/2 streams, metadata, interceptors) costs more CPU than the call's work. The
 * methods run the same handlers as the gRPC server, so both edges answer alike: a typed error
 * keeps its code, and an assertion failure still ends the process (toServiceError).
 */
export async function startCallServer(options: {
  address: string;
  definition: grpc.ServiceDefinition;
  handlers: grpc.UntypedServiceImplementation;
  methods: readonly string[];
  log: Logger;
}): Promise<StartedCallServer> {
  const handlers = new Map<string, CallHandler>(
    options.methods.map((method) => [options.definition[method]?.path ?? method, bridge(options.definition, options.handlers, method)]),
  );
  return startTcpServer(options.address, (socket) => serveConnection(socket, handlers, options.log));
}

function serveConnection(socket: Socket, handlers: ReadonlyMap<string, CallHandler>, log: Logger): void {
  socket.setNoDelay(true);
  const writer = new FrameWriter(socket);
  const answer = (type: number, streamId: number, meta: Buffer, payload: Buffer = Buffer.alloc(0)): void => {
    if (!socket.destroyed) writer.write(frameHead(type, streamId, meta, payload.length), payload);
  };
  const reader = new FrameReader((frame) => {
    if (frame.type !== CallFrame.Call) throw new FrameError(`unexpected frame type ${frame.type}`);
    const meta = parseJsonMeta<CallMeta>(frame.meta);
    const handler = handlers.get(meta.method);
    if (!handler) {
      answer(CallFrame.Failure, frame.streamId, failureMeta(new StrataError('UNIMPLEMENTED', `no call ${String(meta.method)} here`)));
      return;
    }
    handler(wholePayload(frame.payload), meta.requestId).then(
      (reply) => answer(CallFrame.Reply, frame.streamId, Buffer.alloc(0), reply),
      (error: unknown) => {
        rethrowIfAssertion(error);
        const typed = error instanceof StrataError ? error : new StrataError('INTERNAL', error instanceof Error ? error.message : String(error));
        answer(CallFrame.Failure, frame.streamId, failureMeta(typed));
      },
    );
  });
  // Bytes that are not frames (or JSON that is not meta) end the connection, not the server.
  feedFrames(socket, reader, (error) => {
    log.warn({ err: error, remote: socket.remoteAddress }, 'call connection closed: bad frames');
    socket.destroy();
  });
  // A client that went away: its calls' answers are dropped (answer checks `destroyed`).
  socket.on('error', () => socket.destroy());
}

/** Runs `method`'s gRPC unary handler for a request that came as bytes. */
function bridge(definition: grpc.ServiceDefinition, handlers: grpc.UntypedServiceImplementation, method: string): CallHandler {
  const methodDefinition = definition[method];
  const handler = handlers[method];
  if (!methodDefinition || methodDefinition.requestStream || methodDefinition.responseStream || typeof handler !== 'function') {
    throw new Error(`${method} is not a unary method of the service`);
  }
  const unaryHandler = handler as grpc.handleUnaryCall<unknown, unknown>;
  return (bytes, requestId) =>
    new Promise<Buffer>((resolve, reject) => {
      const metadata = new grpc.Metadata();
      if (requestId) metadata.set(REQUEST_ID_KEY, requestId);
      // The handlers read the request and its metadata only (unaryHandler, requestIdOf).
      const call = { request: methodDefinition.requestDeserialize(bytes), metadata } as unknown as grpc.ServerUnaryCall<unknown, unknown>;
      unaryHandler(call, (error, reply) => {
        if (!error) return resolve(methodDefinition.responseSerialize(reply));
        const code = (error as Partial<grpc.StatusObject>).metadata?.get(ERROR_CODE_KEY)[0];
        const message = (error as Partial<grpc.StatusObject>).details ?? (error instanceof Error ? error.message : 'the call failed');
        reject(new StrataError(typeof code === 'string' ? code : 'INTERNAL', message));
      });
    });
}
