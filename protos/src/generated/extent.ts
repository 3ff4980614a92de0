import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from './strata/stream/v1/BlockPointer.js';
import type { ExtentHold as _strata_stream_v1_ExtentHold, ExtentHold__Output as _strata_stream_v1_ExtentHold__Output } from './strata/stream/v1/ExtentHold.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from './strata/stream/v1/ExtentInfo.js';
import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from './strata/stream/v1/Replica.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    stream: {
      v1: {
        BlockPointer: MessageTypeDefinition<_strata_stream_v1_BlockPointer, _strata_stream_v1_BlockPointer__Output>
        ExtentHold: MessageTypeDefinition<_strata_stream_v1_ExtentHold, _strata_stream_v1_ExtentHold__Output>
        ExtentInfo: MessageTypeDefinition<_strata_stream_v1_ExtentInfo, _strata_stream_v1_ExtentInfo__Output>
        Replica: MessageTypeDefinition<_strata_stream_v1_Replica, _strata_stream_v1_Replica__Output>
      }
    }
  }
}

