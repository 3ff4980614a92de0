import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import { fileURLToPath } from 'node:url';
import type { ProtoGrpcType as ExtentNodeProto } from './generated/extent_node.js';
import type { ProtoGrpcType as StreamManagerProto } from './generated/stream_manager.js';
import type { ProtoGrpcType as PartitionServerProto } from './generated/partition_server.js';
import type { ProtoGrpcType as PartitionManagerProto } from './generated/partition_manager.js';
import type { ProtoGrpcType as LocationServiceProto } from './generated/location_service.js';

/** The folder holding `strata/**.proto`, the include root of every proto file. */
export const PROTO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// Must match GENERATOR_OPTIONS in scripts/generate.mjs, or the generated types lie.
const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

function load<T>(file: string): T {
  const definition = protoLoader.loadSync(file, LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

let cache: Map<string, unknown> | undefined;
function loadOnce<T>(file: string): T {
  cache ??= new Map();
  let loaded = cache.get(file);
  if (loaded === undefined) {
    loaded = load<T>(file);
    cache.set(file, loaded);
  }
  return loaded as T;
}

export const extentNodeProto = (): ExtentNodeProto['strata']['stream']['v1'] =>
  loadOnce<ExtentNodeProto>('strata/stream/v1/extent_node.proto').strata.stream.v1;
export const streamManagerProto = (): StreamManagerProto['strata']['stream']['v1'] =>
  loadOnce<StreamManagerProto>('strata/stream/v1/stream_manager.proto').strata.stream.v1;
export const partitionServerProto = (): PartitionServerProto['strata']['partition']['v1'] =>
  loadOnce<PartitionServerProto>('strata/partition/v1/partition_server.proto').strata.partition.v1;
export const partitionManagerProto = (): PartitionManagerProto['strata']['partition']['v1'] =>
  loadOnce<PartitionManagerProto>('strata/partition/v1/partition_manager.proto').strata.partition.v1;
export const locationServiceProto = (): LocationServiceProto['strata']['location']['v1'] =>
  loadOnce<LocationServiceProto>('strata/location/v1/location_service.proto').strata.location.v1;

/** Encodes and decodes one message type outside gRPC: for records kept on disk and in streams. */
export interface MessageCodec<Input, Output> {
  encode(message: Input): Buffer;
  decode(bytes: Uint8Array): Output;
}

let recordsRoot: protobuf.Root | undefined;

/**
 * A codec for a message of `strata/partition/v1/records.proto` or `strata/stream/v1/extent.proto`,
 * decoding to the same shapes as the gRPC loader (camelCase, longs as numbers, defaults filled).
 */
export function messageCodec<Input, Output>(fullName: string): MessageCodec<Input, Output> {
  recordsRoot ??= loadRecordsRoot();
  const type = recordsRoot.lookupType(fullName);
  return {
    encode: (message) => Buffer.from(type.encode(type.fromObject(message as Record<string, unknown>)).finish()),
    decode: (bytes) => type.toObject(type.decode(bytes), { longs: Number, enums: String, defaults: true, oneofs: true, bytes: Buffer }) as Output,
  };
}

function loadRecordsRoot(): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : `${PROTO_ROOT}/${target}`);
  root.loadSync(['strata/partition/v1/records.proto', 'strata/stream/v1/extent.proto'], { keepCase: false });
  return root;
}
