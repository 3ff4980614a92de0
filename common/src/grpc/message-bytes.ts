import type * as grpc from '@grpc/grpc-js';

/**
 * Forwarding a message unchanged. A node that relays what it received (a chain append going
 * down the chain) would otherwise re-encode the message it just decoded: a full copy of every
 * payload byte, plus the garbage. Instead, the receiving side keeps the exact bytes each
 * message was decoded from, and the forwarding side writes those bytes as the message.
 */
const MESSAGE_BYTES = Symbol('strata.messageBytes');

/**
 * A copy of `service` whose `method` hands its handler each request decoded as usual, with the
 * bytes it was decoded from kept alongside (read them with {@link messageBytesOf}). The bytes
 * are grpc-js's receive buffer for that message, never reused, and the decoded `bytes` fields
 * are views into it, so keeping them costs no copy.
 */
export function keepingRequestBytes<Service extends grpc.ServiceDefinition>(service: Service, method: keyof Service & string): Service {
  const definition = service[method];
  if (!definition) throw new Error(`service has no method ${method}`);
  const requestDeserialize = (bytes: Buffer): unknown => {
    const message = definition.requestDeserialize(bytes) as Record<PropertyKey, unknown>;
    Object.defineProperty(message, MESSAGE_BYTES, { value: bytes, enumerable: false });
    return message;
  };
  return { ...service, [method]: { ...definition, requestDeserialize } };
}

/** The bytes `message` was decoded from, when its method keeps them; undefined otherwise. */
export function messageBytesOf(message: object): Buffer | undefined {
  const bytes = (message as Record<PropertyKey, unknown>)[MESSAGE_BYTES];
  return Buffer.isBuffer(bytes) ? bytes : undefined;
}

/** A request serializer that writes already-encoded message bytes as they are. */
export function passThroughSerializer(bytes: Buffer): Buffer {
  if (!Buffer.isBuffer(bytes)) throw new TypeError('a pass-through call writes encoded message bytes (a Buffer)');
  return bytes;
}

/**
 * Opens a bidirectional call of `method` on `client` (its existing connection) whose requests
 * are written as encoded message bytes, unchanged; replies are decoded as usual.
 */
export function passThroughBidiStream<Reply>(
  client: grpc.Client,
  method: { path: string; responseDeserialize: (bytes: Buffer) => Reply },
  metadata: grpc.Metadata,
  options: grpc.CallOptions = {},
): grpc.ClientDuplexStream<Buffer, Reply> {
  return client.makeBidiStreamRequest(method.path, passThroughSerializer, method.responseDeserialize, metadata, options);
}
