/**
 * The stream layer's public surface: what the partition layer and front-ends use to write
 * and read streams. Everything else in this package is internal to the layer.
 */
import { ClientPool } from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';

export { StreamWriter, type WriterDeps } from './client/stream-writer.js';
export { ExtentReader, consecutiveRuns, type ExtentBlock } from './client/extent-reader.js';
export { StreamManagerClient } from './client/stream-manager-client.js';
export { NodeDirectory } from './client/node-directory.js';
export { STREAM_ERROR_CODES, STREAM_ERROR_STATUS, StreamError, type StreamErrorCode } from './errors.js';
export { BLOB_BLOCK_BYTES, BLOCK_DATA_BYTES_MAX, BLOCK_HEADER_BYTES, EXTENT_BYTES_MAX } from './limits.js';

/** A pool of clients of extent nodes, one connection per node address. */
export function extentNodeClients(): ClientPool<streamV1.ExtentNodeClient> {
  return new ClientPool(extentNodeProto().ExtentNode);
}
