/**
 * The stream layer's public surface: what the partition layer and front-ends use to write
 * and read streams. Everything else in this package is internal to the layer.
 */
import { NetworkExtentNodes } from './transport/network-extent-nodes.js';
import type { ExtentNodes } from './transport/extent-node-api.js';

export { StreamWriter, type WriterDeps } from './client/stream-writer.js';
export { blocksOf, ChunkedData, type BlockItem } from './client/block-cutter.js';
export { ExtentReader, consecutiveRuns, type ExtentBlock } from './client/extent-reader.js';
export { StreamManagerClient, type StreamManagerApi } from './client/stream-manager-client.js';
export { NodeDirectory, type NodeView } from './client/node-directory.js';
export type { ExtentNodes, ExtentNodeApi, AppendChannel, AppendHandlers, AppendAck, ReadBlock } from './transport/extent-node-api.js';
export { joinParts } from './transport/extent-node-api.js';
export { STREAM_ERROR_CODES, STREAM_ERROR_STATUS, StreamError, type StreamErrorCode } from './errors.js';
export { BLOB_BLOCK_BYTES, BLOCK_DATA_BYTES_MAX, BLOCK_HEADER_BYTES, EXTENT_BYTES_MAX } from './limits.js';

/** How a process reaches extent nodes: one connection per node address, made on first use. */
export function extentNodeClients(): ExtentNodes {
  return new NetworkExtentNodes();
}
