import * as grpc from '@grpc/grpc-js';
import { systemClock } from '../clock.js';
import { fromServiceError } from './errors.js';
import { GRPC_CHANNEL_OPTIONS } from './options.js';

/** Metadata key of the request id carried from the front-end down to the extent nodes. */
export const REQUEST_ID_KEY = 'x-strata-request-id';

export interface CallContext {
  /** Deadline of the call in ms from now. Every RPC has one. */
  timeoutMs: number;
  requestId?: string;
}

export function callMetadata(context: CallContext): grpc.Metadata {
  const metadata = new grpc.Metadata();
  if (context.requestId) metadata.set(REQUEST_ID_KEY, context.requestId);
  return metadata;
}

export function callOptions(context: CallContext): grpc.CallOptions {
  return { deadline: new Date(systemClock.nowMs() + context.timeoutMs) };
}

export function requestIdOf(call: { metadata: grpc.Metadata }): string | undefined {
  const value = call.metadata.get(REQUEST_ID_KEY)[0];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Awaits a unary call: `await unary<Reply>((done) => client.method(request, metadata, options, done))`.
 * Rejects with a StrataError (the peer's code, or a transport code).
 */
export function unary<Reply>(invoke: (done: (error: grpc.ServiceError | null, reply?: Reply) => void) => void): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    invoke((error, reply) => {
      if (error) reject(fromServiceError(error));
      else resolve(reply as Reply);
    });
  });
}

type ClientConstructor<Client> = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => Client;

/**
 * One long-lived client (so one HTTP/2 connection) per peer address, made on first use and
 * closed together. Connections are kept alive: setting one up per request costs more than
 * most requests.
 */
export class ClientPool<Client extends grpc.Client> {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly ClientClass: ClientConstructor<Client>) {}

  get(address: string): Client {
    let client = this.clients.get(address);
    if (!client) {
      client = new this.ClientClass(address, grpc.credentials.createInsecure(), GRPC_CHANNEL_OPTIONS);
      this.clients.set(address, client);
    }
    return client;
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
