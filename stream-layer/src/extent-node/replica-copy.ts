import type { streamV1 } from '@strata/protos';
import type { ExtentNodes } from '../transport/extent-node-api.js';
import { StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES, READ_TIMEOUT_BASE_MS } from '../limits.js';
import { blockChecksum, encodeBlockHeader } from './block-format.js';
import type { ExtentStore } from './extent-store.js';

/** Extra copy deadline per MiB: a copy moves a whole extent. */
const COPY_TIMEOUT_PER_MIB_MS = 500;

/**
 * Copies a sealed replica from another node into this one: streams its blocks, checks each
 * block's CRC on arrival, writes them with their original flags at their original offsets (so
 * the copy is bit-identical), fdatasyncs, and only then makes it the node's replica. A copy
 * cut short leaves only a `.copy` file, removed at the next start (or replaced by the next copy).
 * Returns the bytes copied.
 */
export async function copyReplica(options: { store: ExtentStore; nodes: ExtentNodes; request: streamV1.CopyReplicaRequest__Output }): Promise<number> {
  const { extentId, lengthBytes, source } = options.request;
  if (!source?.address) throw new StreamError('INVALID_ARGUMENT', 'a copy needs a source address');
  const copy = options.store.copyNameOf(extentId);
  const file = await options.store.disk.open(copy, { truncate: true });
  let position = 0;
  try {
    const context = { timeoutMs: READ_TIMEOUT_BASE_MS + Math.ceil(lengthBytes / (1024 * 1024)) * COPY_TIMEOUT_PER_MIB_MS };
    for await (const block of options.nodes.at(source).readBlocks({ extentId, offset: 0, lengthBytes }, context)) {
      if (block.offset !== position) throw new StreamError('INTERNAL', `source sent block ${block.offset}, expected ${position}`);
      const header = encodeBlockHeader({ flags: block.flags, dataBytes: block.dataBytes, dataCrc32c: blockChecksum(block.parts) });
      await file.writev([header, ...block.parts], position);
      position += BLOCK_HEADER_BYTES + block.dataBytes;
    }
    if (position !== lengthBytes) throw new StreamError('RANGE_NOT_HELD', `source gave ${position} of ${lengthBytes} bytes`);
    await file.datasync();
  } finally {
    await file.close();
  }
  await options.store.adoptCopy(extentId, { chain: options.request.replicas.map((replica) => replica.nodeId), lengthBytes });
  return position;
}
