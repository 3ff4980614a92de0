import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from './strata/partition/v1/BlobProperties.js';
import type { BlobRecord as _strata_partition_v1_BlobRecord, BlobRecord__Output as _strata_partition_v1_BlobRecord__Output } from './strata/partition/v1/BlobRecord.js';
import type { CheckpointBlock as _strata_partition_v1_CheckpointBlock, CheckpointBlock__Output as _strata_partition_v1_CheckpointBlock__Output } from './strata/partition/v1/CheckpointBlock.js';
import type { CheckpointEntry as _strata_partition_v1_CheckpointEntry, CheckpointEntry__Output as _strata_partition_v1_CheckpointEntry__Output } from './strata/partition/v1/CheckpointEntry.js';
import type { ContainerProperties as _strata_partition_v1_ContainerProperties, ContainerProperties__Output as _strata_partition_v1_ContainerProperties__Output } from './strata/partition/v1/ContainerProperties.js';
import type { ContainerRecord as _strata_partition_v1_ContainerRecord, ContainerRecord__Output as _strata_partition_v1_ContainerRecord__Output } from './strata/partition/v1/ContainerRecord.js';
import type { CorsRule as _strata_partition_v1_CorsRule, CorsRule__Output as _strata_partition_v1_CorsRule__Output } from './strata/partition/v1/CorsRule.js';
import type { IndexMutation as _strata_partition_v1_IndexMutation, IndexMutation__Output as _strata_partition_v1_IndexMutation__Output } from './strata/partition/v1/IndexMutation.js';
import type { LogBlock as _strata_partition_v1_LogBlock, LogBlock__Output as _strata_partition_v1_LogBlock__Output } from './strata/partition/v1/LogBlock.js';
import type { LogRecord as _strata_partition_v1_LogRecord, LogRecord__Output as _strata_partition_v1_LogRecord__Output } from './strata/partition/v1/LogRecord.js';
import type { MultipartSummary as _strata_partition_v1_MultipartSummary, MultipartSummary__Output as _strata_partition_v1_MultipartSummary__Output } from './strata/partition/v1/MultipartSummary.js';
import type { PartRecord as _strata_partition_v1_PartRecord, PartRecord__Output as _strata_partition_v1_PartRecord__Output } from './strata/partition/v1/PartRecord.js';
import type { PartitionRoot as _strata_partition_v1_PartitionRoot, PartitionRoot__Output as _strata_partition_v1_PartitionRoot__Output } from './strata/partition/v1/PartitionRoot.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from './strata/partition/v1/Tag.js';
import type { UploadRecord as _strata_partition_v1_UploadRecord, UploadRecord__Output as _strata_partition_v1_UploadRecord__Output } from './strata/partition/v1/UploadRecord.js';
import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from './strata/stream/v1/BlockPointer.js';
import type { ExtentHold as _strata_stream_v1_ExtentHold, ExtentHold__Output as _strata_stream_v1_ExtentHold__Output } from './strata/stream/v1/ExtentHold.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from './strata/stream/v1/ExtentInfo.js';
import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from './strata/stream/v1/Replica.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    partition: {
      v1: {
        BlobProperties: MessageTypeDefinition<_strata_partition_v1_BlobProperties, _strata_partition_v1_BlobProperties__Output>
        BlobRecord: MessageTypeDefinition<_strata_partition_v1_BlobRecord, _strata_partition_v1_BlobRecord__Output>
        CheckpointBlock: MessageTypeDefinition<_strata_partition_v1_CheckpointBlock, _strata_partition_v1_CheckpointBlock__Output>
        CheckpointEntry: MessageTypeDefinition<_strata_partition_v1_CheckpointEntry, _strata_partition_v1_CheckpointEntry__Output>
        ContainerProperties: MessageTypeDefinition<_strata_partition_v1_ContainerProperties, _strata_partition_v1_ContainerProperties__Output>
        ContainerRecord: MessageTypeDefinition<_strata_partition_v1_ContainerRecord, _strata_partition_v1_ContainerRecord__Output>
        CorsRule: MessageTypeDefinition<_strata_partition_v1_CorsRule, _strata_partition_v1_CorsRule__Output>
        IndexMutation: MessageTypeDefinition<_strata_partition_v1_IndexMutation, _strata_partition_v1_IndexMutation__Output>
        LogBlock: MessageTypeDefinition<_strata_partition_v1_LogBlock, _strata_partition_v1_LogBlock__Output>
        LogRecord: MessageTypeDefinition<_strata_partition_v1_LogRecord, _strata_partition_v1_LogRecord__Output>
        MultipartSummary: MessageTypeDefinition<_strata_partition_v1_MultipartSummary, _strata_partition_v1_MultipartSummary__Output>
        PartRecord: MessageTypeDefinition<_strata_partition_v1_PartRecord, _strata_partition_v1_PartRecord__Output>
        PartitionRoot: MessageTypeDefinition<_strata_partition_v1_PartitionRoot, _strata_partition_v1_PartitionRoot__Output>
        Tag: MessageTypeDefinition<_strata_partition_v1_Tag, _strata_partition_v1_Tag__Output>
        UploadRecord: MessageTypeDefinition<_strata_partition_v1_UploadRecord, _strata_partition_v1_UploadRecord__Output>
      }
    }
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

