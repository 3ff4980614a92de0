import type { streamV1 } from '@strata/protos';
import { BLOB_BLOCK_BYTES, blocksOf, ChunkedData } from '@strata/stream-layer';

/** What an upload (PutBlob, UploadPart) is made of, in order: bytes to store, or runs of blocks already stored. */
export type PartSegment = Buffer | { blocks: streamV1.BlockPointer__Output[] };

/**
 * An upload's body as its messages: bytes in messages of one block (the bytes before a run of
 * stored blocks go as a shorter one), each run of stored blocks as a `blocks` message as it
 * comes; `sizeBytes` counts the bytes the messages sent so far, for the commit.
 */
export function uploadMessages(body: AsyncIterable<PartSegment>): {
  messages: AsyncGenerator<ChunkedData | { blocks: { blocks: streamV1.BlockPointer__Output[] } }>;
  sizeBytes: () => number;
} {
  let sizeBytes = 0;
  const messages = (async function* () {
    for await (const item of blocksOf(body, BLOB_BLOCK_BYTES)) {
      if ('data' in item) {
        sizeBytes += item.data.bytes;
        yield item.data;
      } else {
        sizeBytes += item.other.blocks.reduce((sum, block) => sum + block.dataBytes, 0);
        yield { blocks: { blocks: item.other.blocks } };
      }
    }
  })();
  return { messages, sizeBytes: () => sizeBytes };
}

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
