import { ChunkedData } from '@strata/stream-layer';

/** The field number of `data` in PutBlobRequest and UploadPartRequest (see partition_server.proto). */
const DATA_FIELD = 2;
/** protobuf's wire type of `bytes` fields. */
const LENGTH_DELIMITED = 2;

/**
 * A gRPC request serializer that encodes a {@link ChunkedData} as a message holding only its
 * `data` field (what protobuf would encode for `{ data: joined chunks }`), and any other
 * message with `fallback` (the generated serializer).
 */
export function withChunkedData<Request>(fallback: (message: Request) => Buffer): (message: Request | ChunkedData) => Buffer {
  return (message) => (message instanceof ChunkedData ? encodeData(message) : fallback(message));
}

function encodeData(message: ChunkedData): Buffer {
  const tag = (DATA_FIELD << 3) | LENGTH_DELIMITED;
  const out = Buffer.allocUnsafe(1 + varintBytes(message.bytes) + message.bytes);
  out[0] = tag;
  let at = writeVarint(out, 1, message.bytes);
  for (const chunk of message.chunks) at += chunk.copy(out, at);
  return out;
}

function varintBytes(value: number): number {
  let count = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) count++;
  return count;
}

/** Writes `value` as a protobuf varint at `at`; returns the offset after it. */
function writeVarint(out: Buffer, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    out[at++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[at++] = rest;
  return at;
}
