/**
 * The contracts between Strata's processes: service definitions loaded from the `.proto` files
 * and the TypeScript types generated from them (`npm run protos:gen`; never edited by hand).
 */
export {
  PROTO_ROOT,
  extentNodeProto,
  streamManagerProto,
  partitionServerProto,
  partitionManagerProto,
  locationServiceProto,
  messageCodec,
  type MessageCodec,
} from './load.js';
export type * as streamV1 from './generated/stream-v1.js';
export type * as partitionV1 from './generated/partition-v1.js';
export type * as locationV1 from './generated/location-v1.js';
