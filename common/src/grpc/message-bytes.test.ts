import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { keepingRequestBytes, messageBytesOf, passThroughBidiStream, passThroughSerializer } from './message-bytes.js';
import { startGrpcServer, type StartedGrpcServer } from './server.js';

// A hand-made service: the codec is JSON, so the test needs no proto file.
interface Echo {
  text: string;
}
const json = {
  serialize: (message: Echo): Buffer => Buffer.from(JSON.stringify(message)),
  deserialize: (bytes: Buffer): Echo => JSON.parse(bytes.toString()) as Echo,
};
const ECHO: grpc.ServiceDefinition = {
  Relay: {
    path: '/test.Echo/Relay',
    requestStream: true,
    responseStream: true,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  },
};

describe('message bytes: forwarding a received message unchanged', () => {
  let server: StartedGrpcServer | undefined;
  let client: grpc.Client | undefined;
  afterEach(async () => {
    client?.close();
    await server?.stop(100);
    server = client = undefined;
  });

  it('keeps the bytes each request was decoded from, and nothing for a method that does not keep them', () => {
    const kept = keepingRequestBytes(ECHO, 'Relay');
    const bytes = json.serialize({ text: 'hello' });
    const decoded = kept.Relay!.requestDeserialize(bytes) as Echo;
    expect(decoded).toEqual({ text: 'hello' });
    expect(messageBytesOf(decoded)).toBe(bytes);
    // The bytes are not a field: serializing the decoded message again does not carry them.
    expect(Object.keys(decoded)).toEqual(['text']);
    expect(messageBytesOf(ECHO.Relay!.requestDeserialize(bytes) as Echo)).toBeUndefined();
    expect(ECHO.Relay!.requestDeserialize).toBe(json.deserialize);
  });

  it('refuses to keep the bytes of a method the service does not have', () => {
    expect(() => keepingRequestBytes(ECHO, 'Missing')).toThrow('service has no method Missing');
  });

  it('writes encoded bytes as they are, and refuses anything that is not a Buffer', () => {
    const bytes = Buffer.from('already encoded');
    expect(passThroughSerializer(bytes)).toBe(bytes);
    expect(() => passThroughSerializer({ text: 'an object' } as unknown as Buffer)).toThrow(TypeError);
  });

  it('relays the exact received bytes over a real call, and decodes the replies as usual', async () => {
    const received: Buffer[] = [];
    server = await startGrpcServer({
      address: '127.0.0.1:0',
      services: [
        {
          definition: keepingRequestBytes(ECHO, 'Relay'),
          handlers: {
            Relay: (call: grpc.ServerDuplexStream<Echo, Echo>) => {
              call.on('data', (request: Echo) => {
                received.push(messageBytesOf(request)!);
                call.write({ text: request.text.toUpperCase() });
              });
              call.on('end', () => call.end());
            },
          },
        },
      ],
    });
    client = new grpc.Client(server.address, grpc.credentials.createInsecure());
    const call = passThroughBidiStream<Echo>(client, ECHO.Relay!, new grpc.Metadata());
    const replies: string[] = [];
    call.on('data', (reply: Echo) => replies.push(reply.text));
    // Bytes a re-encoding would not reproduce (spacing), so equality shows nothing re-encoded them.
    const sent = [Buffer.from('{ "text" :  "one" }'), Buffer.from('{"text":"two"}')];
    for (const bytes of sent) call.write(bytes);
    call.end();
    await new Promise<void>((resolve, reject) => {
      call.on('end', resolve);
      call.on('error', reject);
    });
    expect(replies).toEqual(['ONE', 'TWO']);
    expect(received.map((bytes) => bytes.toString())).toEqual(sent.map((bytes) => bytes.toString()));
  });
});
