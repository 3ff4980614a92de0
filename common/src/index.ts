/**
 * What every layer needs and that has no domain logic. Nothing here knows about blobs,
 * extents or partitions.
 */
export { assert, unreachable, rethrowIfAssertion, AssertionFailure } from './assert.js';
export { afterThisTurn, systemClock, type Clock, type Timer } from './clock.js';
export { BackgroundWorker, Workers, type WorkerSpec, type WorkerStatus } from './background-worker.js';
export { systemRandom, shuffled, type Random } from './random.js';
export { HotKeys } from './hot-keys.js';
export { StrataError, isStrataError, errorMessage, warnDropped, ignoreError } from './errors.js';
export { createLogger, silentLogger, type Logger, type LoggerOptions } from './logger.js';
export { parseConfig, configFields, etcdConfigFields, ConfigError, z, type ConfigSources } from './config.js';
export { Failpoints } from './failpoint.js';
export { runRole, type RoleContext, type RunningRole, type ReadyMessage } from './lifecycle.js';
export { anyPortOn, hostAndPort, listenOn, startTcpServer, type StartedTcpServer } from './net-address.js';
export { startProbeServer, LIVENESS_PATH, READINESS_PATH, type Readiness, type StartedProbeServer } from './probe-server.js';
export { startGrpcServer, type ServiceBinding, type StartedGrpcServer } from './grpc/server.js';
export { ERROR_CODE_KEY, toServiceError, fromServiceError, unaryHandler, type TransportErrorCode } from './grpc/errors.js';
export { REQUEST_ID_KEY, ClientPool, callMetadata, callOptions, requestIdOf, unary, type CallContext } from './grpc/client.js';
export { GRPC_CHANNEL_OPTIONS, GRPC_MESSAGE_BYTES_MAX } from './grpc/options.js';
export { keepingRequestBytes, messageBytesOf, passThroughSerializer, passThroughBidiStream } from './grpc/message-bytes.js';
export { connectEtcd, joinKey, Etcd3 } from './etcd/connect.js';
export { registerWithLease, type Registration } from './etcd/registration.js';
export { PrefixCache } from './etcd/prefix-cache.js';
export { campaign, leaderOf, type Leadership } from './etcd/election.js';
export { transact, transactAsLeader, type SoftwareTransaction } from './etcd/transaction.js';
export {
  FRAME_HEADER_BYTES,
  FRAME_MAGIC,
  FRAME_META_BYTES_MAX,
  FRAME_PAYLOAD_BYTES_MAX,
  FrameError,
  FrameReader,
  feedFrames,
  frameHead,
  jsonMeta,
  parseJsonMeta,
  numbersMeta,
  parseNumbersMeta,
  type Frame,
} from './frames/frames.js';
export { startCallServer, type StartedCallServer } from './calls/call-server.js';
export { CallPool } from './calls/call-client.js';
