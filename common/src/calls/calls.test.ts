import { connect } from 'node:net';
import type * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { StrataError } from '../errors.js';
import { requestIdOf } from '../grpc/client.js';
import { unaryHandler } from '../grpc/errors.js';
import { hostAndPort } from '../net-address.js';
import { silentLogger } from '../logger.js';
import { CallPool } from './call-client.js';
import { startCallServer, type StartedCallServer } from './call-server.js';

interface Echo {
  text: string;
  delayMs?: number;
  fail?: string;
  hang?: boolean;
}

const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Echo,
};
const method = (path: string): grpc.MethodDefinition<Echo, Echo> => ({
  path,
  requestStream: false,
  responseStream: false,
  requestSerialize: json.serialize,
  requestDeserialize: json.deserialize,
  responseSerialize: json.serialize,
  responseDeserialize: json.deserialize,
});
const definition = { Echo: method('/test.Echo/Echo'), Other: method('/test.Echo/Other') } as unknown as grpc.ServiceDefinition;
const STATUS = { NOT_FOUND: status.NOT_FOUND, UNAVAILABLE: status.UNAVAILABLE } as const;

const handlers = {
  Echo: unaryHandler<Echo, Echo, keyof typeof STATUS>(STATUS, async (request, call) => {
    if (request.hang) await new Promise(() => undefined);
    if (request.delayMs) await systemClock.sleep(request.delayMs);
    if (request.fail === 'typed') throw new StrataError('NOT_FOUND', `no ${request.text}`);
    if (request.fail === 'untyped') throw new Error('something broke');
    return { text: `${request.text}|${requestIdOf(call as unknown as { metadata: grpc.Metadata }) ?? '-'}` };
  }),
  Other: unaryHandler(STATUS, async () => ({ text: 'other' })),
} as unknown as grpc.UntypedServiceImplementation;

const started: StartedCallServer[] = [];
const pools: CallPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.close();
  for (const server of started.splice(0)) await server.close();
});

async function serve(address = '127.0.0.1:0'): Promise<StartedCallServer> {
  const server = await startCallServer({ address, definition, handlers, methods: ['Echo'], log: silentLogger() });
  started.push(server);
  return server;
}

function pool(): CallPool {
  const made = new CallPool(systemClock);
  pools.push(made);
  return made;
}

const echo = definition.Echo as grpc.MethodDefinition<Echo, Echo>;
const other = definition.Other as grpc.MethodDefinition<Echo, Echo>;

describe('the call transport', () => {
  it('answers many calls on one connection, in the order they finish, with their request ids', async () => {
    const server = await serve();
    const calls = pool();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        calls.unary(server.address, echo, { text: `n${i}`, delayMs: (i * 7) % 20 }, { timeoutMs: 5_000, ...(i % 2 ? { requestId: `r${i}` } : {}) }),
      ),
    );
    expect(replies.map((reply) => reply.text)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}|${i % 2 ? `r${i}` : '-'}`));
  });

  it('gives a typed error its code and message; anything else is INTERNAL, an unserved method UNIMPLEMENTED', async () => {
    const server = await serve();
    const calls = pool();
    await expect(calls.unary(server.address, echo, { text: 'k', fail: 'typed' }, { timeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no k',
    });
    await expect(calls.unary(server.address, echo, { text: 'k', fail: 'untyped' }, { timeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'something broke',
    });
    await expect(calls.unary(server.address, other, { text: 'k' }, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'UNIMPLEMENTED' });
    // The connection still serves after each of them.
    expect(await calls.unary(server.address, echo, { text: 'after' }, { timeoutMs: 5_000 })).toEqual({ text: 'after|-' });
  });

  it('fails a call that gets no answer in time with DEADLINE_EXCEEDED, and goes on serving others', async () => {
    const server = await serve();
    const calls = pool();
    await expect(calls.unary(server.address, echo, { text: 'k', hang: true }, { timeoutMs: 150 })).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(await calls.unary(server.address, echo, { text: 'next' }, { timeoutMs: 5_000 })).toEqual({ text: 'next|-' });
  });

  it('fails calls in flight with UNAVAILABLE when the server goes, and reconnects once it is back', async () => {
    const server = await serve();
    const calls = pool();
    const inFlight = calls.unary(server.address, echo, { text: 'k', hang: true }, { timeoutMs: 30_000 });
    expect(await calls.unary(server.address, echo, { text: 'up' }, { timeoutMs: 5_000 })).toEqual({ text: 'up|-' });
    await server.close();
    await expect(inFlight).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(calls.unary(server.address, echo, { text: 'down' }, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const back = await serve(server.address);
    expect(await calls.unary(back.address, echo, { text: 'back' }, { timeoutMs: 5_000 })).toEqual({ text: 'back|-' });
  });

  it('closes a connection that sends bytes that are not frames, and keeps serving the others', async () => {
    const server = await serve();
    const { host, port } = hostAndPort(server.address);
    const garbage = connect({ host, port });
    const closed = new Promise<void>((resolve) => garbage.once('close', () => resolve()));
    garbage.on('error', () => undefined); // the server's reset is the expected answer
    garbage.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await closed;
    expect(await pool().unary(server.address, echo, { text: 'fine' }, { timeoutMs: 5_000 })).toEqual({ text: 'fine|-' });
  });
});
