/**
 * The bytes of one block of an upload as the source's chunks (HTTP reads of ~64 KiB), not yet
 * joined: {@link withChunkedData} encodes it as the message's `data` field straight from the
 * chunks, so the front-end copies each byte once into the message instead of twice (once to
 * join the block, once more when protobuf copies the joined block into the message).
 */
export class ChunkedData {
  constructor(
    readonly chunks: readonly Buffer[],
    readonly bytes: number,
  ) {}
}

/** What {@link blocksOf} yields: a block's bytes, or an item of the source that is not bytes. */
export type BlockItem<Other> = { data: ChunkedData } | { other: Other };

/**
 * Regroups a stream of byte chunks into blocks of `size` bytes, each a list of the source's
 * chunks (cut with `subarray` where a block ends inside one, never copied), so that one gRPC
 * message carries one block. Items that are not Buffers (runs of stored blocks) pass through
 * in order, after the bytes before them as a shorter block; the last block may be short.
 */
export async function* blocksOf<Other>(source: AsyncIterable<Buffer | Other>, size: number): AsyncGenerator<BlockItem<Other>> {
  let chunks: Buffer[] = [];
  let bytes = 0;
  for await (const item of source) {
    if (!Buffer.isBuffer(item)) {
      if (bytes > 0) yield { data: new ChunkedData(chunks, bytes) };
      chunks = [];
      bytes = 0;
      yield { other: item };
      continue;
    }
    let rest: Buffer = item;
    while (rest.length > 0) {
      const taken = rest.length <= size - bytes ? rest : rest.subarray(0, size - bytes);
      chunks.push(taken);
      bytes += taken.length;
      rest = rest.subarray(taken.length);
      if (bytes === size) {
        yield { data: new ChunkedData(chunks, bytes) };
        chunks = [];
        bytes = 0;
      }
    }
  }
  if (bytes > 0) yield { data: new ChunkedData(chunks, bytes) };
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
