import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AbortUploadResponse as _strata_partition_v1_AbortUploadResponse, AbortUploadResponse__Output as _strata_partition_v1_AbortUploadResponse__Output } from './strata/partition/v1/AbortUploadResponse.js';
import type { BlobInfo as _strata_partition_v1_BlobInfo, BlobInfo__Output as _strata_partition_v1_BlobInfo__Output } from './strata/partition/v1/BlobInfo.js';
import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from './strata/partition/v1/BlobProperties.js';
import type { BlobRecord as _strata_partition_v1_BlobRecord, BlobRecord__Output as _strata_partition_v1_BlobRecord__Output } from './strata/partition/v1/BlobRecord.js';
import type { BlobRequest as _strata_partition_v1_BlobRequest, BlobRequest__Output as _strata_partition_v1_BlobRequest__Output } from './strata/partition/v1/BlobRequest.js';
import type { BlobSummary as _strata_partition_v1_BlobSummary, BlobSummary__Output as _strata_partition_v1_BlobSummary__Output } from './strata/partition/v1/BlobSummary.js';
import type { BlobVersion as _strata_partition_v1_BlobVersion, BlobVersion__Output as _strata_partition_v1_BlobVersion__Output } from './strata/partition/v1/BlobVersion.js';
import type { BlockRun as _strata_partition_v1_BlockRun, BlockRun__Output as _strata_partition_v1_BlockRun__Output } from './strata/partition/v1/BlockRun.js';
import type { CheckpointBlock as _strata_partition_v1_CheckpointBlock, CheckpointBlock__Output as _strata_partition_v1_CheckpointBlock__Output } from './strata/partition/v1/CheckpointBlock.js';
import type { CheckpointEntry as _strata_partition_v1_CheckpointEntry, CheckpointEntry__Output as _strata_partition_v1_CheckpointEntry__Output } from './strata/partition/v1/CheckpointEntry.js';
import type { CheckpointPartitionRequest as _strata_partition_v1_CheckpointPartitionRequest, CheckpointPartitionRequest__Output as _strata_partition_v1_CheckpointPartitionRequest__Output } from './strata/partition/v1/CheckpointPartitionRequest.js';
import type { CheckpointPartitionResponse as _strata_partition_v1_CheckpointPartitionResponse, CheckpointPartitionResponse__Output as _strata_partition_v1_CheckpointPartitionResponse__Output } from './strata/partition/v1/CheckpointPartitionResponse.js';
import type { CompactPartitionRequest as _strata_partition_v1_CompactPartitionRequest, CompactPartitionRequest__Output as _strata_partition_v1_CompactPartitionRequest__Output } from './strata/partition/v1/CompactPartitionRequest.js';
import type { CompactPartitionResponse as _strata_partition_v1_CompactPartitionResponse, CompactPartitionResponse__Output as _strata_partition_v1_CompactPartitionResponse__Output } from './strata/partition/v1/CompactPartitionResponse.js';
import type { CompleteUploadRequest as _strata_partition_v1_CompleteUploadRequest, CompleteUploadRequest__Output as _strata_partition_v1_CompleteUploadRequest__Output } from './strata/partition/v1/CompleteUploadRequest.js';
import type { CompleteUploadResponse as _strata_partition_v1_CompleteUploadResponse, CompleteUploadResponse__Output as _strata_partition_v1_CompleteUploadResponse__Output } from './strata/partition/v1/CompleteUploadResponse.js';
import type { CompletedPart as _strata_partition_v1_CompletedPart, CompletedPart__Output as _strata_partition_v1_CompletedPart__Output } from './strata/partition/v1/CompletedPart.js';
import type { ContainerInfo as _strata_partition_v1_ContainerInfo, ContainerInfo__Output as _strata_partition_v1_ContainerInfo__Output } from './strata/partition/v1/ContainerInfo.js';
import type { ContainerProperties as _strata_partition_v1_ContainerProperties, ContainerProperties__Output as _strata_partition_v1_ContainerProperties__Output } from './strata/partition/v1/ContainerProperties.js';
import type { ContainerRecord as _strata_partition_v1_ContainerRecord, ContainerRecord__Output as _strata_partition_v1_ContainerRecord__Output } from './strata/partition/v1/ContainerRecord.js';
import type { ContainerRequest as _strata_partition_v1_ContainerRequest, ContainerRequest__Output as _strata_partition_v1_ContainerRequest__Output } from './strata/partition/v1/ContainerRequest.js';
import type { CopyBlobRequest as _strata_partition_v1_CopyBlobRequest, CopyBlobRequest__Output as _strata_partition_v1_CopyBlobRequest__Output } from './strata/partition/v1/CopyBlobRequest.js';
import type { CorsRule as _strata_partition_v1_CorsRule, CorsRule__Output as _strata_partition_v1_CorsRule__Output } from './strata/partition/v1/CorsRule.js';
import type { CreateUploadRequest as _strata_partition_v1_CreateUploadRequest, CreateUploadRequest__Output as _strata_partition_v1_CreateUploadRequest__Output } from './strata/partition/v1/CreateUploadRequest.js';
import type { DeleteBlobResponse as _strata_partition_v1_DeleteBlobResponse, DeleteBlobResponse__Output as _strata_partition_v1_DeleteBlobResponse__Output } from './strata/partition/v1/DeleteBlobResponse.js';
import type { DeleteContainerResponse as _strata_partition_v1_DeleteContainerResponse, DeleteContainerResponse__Output as _strata_partition_v1_DeleteContainerResponse__Output } from './strata/partition/v1/DeleteContainerResponse.js';
import type { ExtentUsage as _strata_partition_v1_ExtentUsage, ExtentUsage__Output as _strata_partition_v1_ExtentUsage__Output } from './strata/partition/v1/ExtentUsage.js';
import type { IndexMutation as _strata_partition_v1_IndexMutation, IndexMutation__Output as _strata_partition_v1_IndexMutation__Output } from './strata/partition/v1/IndexMutation.js';
import type { ListBlobVersionsRequest as _strata_partition_v1_ListBlobVersionsRequest, ListBlobVersionsRequest__Output as _strata_partition_v1_ListBlobVersionsRequest__Output } from './strata/partition/v1/ListBlobVersionsRequest.js';
import type { ListBlobVersionsResponse as _strata_partition_v1_ListBlobVersionsResponse, ListBlobVersionsResponse__Output as _strata_partition_v1_ListBlobVersionsResponse__Output } from './strata/partition/v1/ListBlobVersionsResponse.js';
import type { ListBlobsRequest as _strata_partition_v1_ListBlobsRequest, ListBlobsRequest__Output as _strata_partition_v1_ListBlobsRequest__Output } from './strata/partition/v1/ListBlobsRequest.js';
import type { ListBlobsResponse as _strata_partition_v1_ListBlobsResponse, ListBlobsResponse__Output as _strata_partition_v1_ListBlobsResponse__Output } from './strata/partition/v1/ListBlobsResponse.js';
import type { ListContainersRequest as _strata_partition_v1_ListContainersRequest, ListContainersRequest__Output as _strata_partition_v1_ListContainersRequest__Output } from './strata/partition/v1/ListContainersRequest.js';
import type { ListContainersResponse as _strata_partition_v1_ListContainersResponse, ListContainersResponse__Output as _strata_partition_v1_ListContainersResponse__Output } from './strata/partition/v1/ListContainersResponse.js';
import type { ListEntry as _strata_partition_v1_ListEntry, ListEntry__Output as _strata_partition_v1_ListEntry__Output } from './strata/partition/v1/ListEntry.js';
import type { ListPartsRequest as _strata_partition_v1_ListPartsRequest, ListPartsRequest__Output as _strata_partition_v1_ListPartsRequest__Output } from './strata/partition/v1/ListPartsRequest.js';
import type { ListPartsResponse as _strata_partition_v1_ListPartsResponse, ListPartsResponse__Output as _strata_partition_v1_ListPartsResponse__Output } from './strata/partition/v1/ListPartsResponse.js';
import type { ListUploadsRequest as _strata_partition_v1_ListUploadsRequest, ListUploadsRequest__Output as _strata_partition_v1_ListUploadsRequest__Output } from './strata/partition/v1/ListUploadsRequest.js';
import type { ListUploadsResponse as _strata_partition_v1_ListUploadsResponse, ListUploadsResponse__Output as _strata_partition_v1_ListUploadsResponse__Output } from './strata/partition/v1/ListUploadsResponse.js';
import type { LogBlock as _strata_partition_v1_LogBlock, LogBlock__Output as _strata_partition_v1_LogBlock__Output } from './strata/partition/v1/LogBlock.js';
import type { LogRecord as _strata_partition_v1_LogRecord, LogRecord__Output as _strata_partition_v1_LogRecord__Output } from './strata/partition/v1/LogRecord.js';
import type { MergePartitionsRequest as _strata_partition_v1_MergePartitionsRequest, MergePartitionsRequest__Output as _strata_partition_v1_MergePartitionsRequest__Output } from './strata/partition/v1/MergePartitionsRequest.js';
import type { MultipartSummary as _strata_partition_v1_MultipartSummary, MultipartSummary__Output as _strata_partition_v1_MultipartSummary__Output } from './strata/partition/v1/MultipartSummary.js';
import type { PartInfo as _strata_partition_v1_PartInfo, PartInfo__Output as _strata_partition_v1_PartInfo__Output } from './strata/partition/v1/PartInfo.js';
import type { PartRecord as _strata_partition_v1_PartRecord, PartRecord__Output as _strata_partition_v1_PartRecord__Output } from './strata/partition/v1/PartRecord.js';
import type { PartitionChange as _strata_partition_v1_PartitionChange, PartitionChange__Output as _strata_partition_v1_PartitionChange__Output } from './strata/partition/v1/PartitionChange.js';
import type { PartitionRoot as _strata_partition_v1_PartitionRoot, PartitionRoot__Output as _strata_partition_v1_PartitionRoot__Output } from './strata/partition/v1/PartitionRoot.js';
import type { PartitionServerClient as _strata_partition_v1_PartitionServerClient, PartitionServerDefinition as _strata_partition_v1_PartitionServerDefinition } from './strata/partition/v1/PartitionServer.js';
import type { PartitionStat as _strata_partition_v1_PartitionStat, PartitionStat__Output as _strata_partition_v1_PartitionStat__Output } from './strata/partition/v1/PartitionStat.js';
import type { PartitionStatsRequest as _strata_partition_v1_PartitionStatsRequest, PartitionStatsRequest__Output as _strata_partition_v1_PartitionStatsRequest__Output } from './strata/partition/v1/PartitionStatsRequest.js';
import type { PartitionStatsResponse as _strata_partition_v1_PartitionStatsResponse, PartitionStatsResponse__Output as _strata_partition_v1_PartitionStatsResponse__Output } from './strata/partition/v1/PartitionStatsResponse.js';
import type { PartitionUsage as _strata_partition_v1_PartitionUsage, PartitionUsage__Output as _strata_partition_v1_PartitionUsage__Output } from './strata/partition/v1/PartitionUsage.js';
import type { PutBlobCommit as _strata_partition_v1_PutBlobCommit, PutBlobCommit__Output as _strata_partition_v1_PutBlobCommit__Output } from './strata/partition/v1/PutBlobCommit.js';
import type { PutBlobHeader as _strata_partition_v1_PutBlobHeader, PutBlobHeader__Output as _strata_partition_v1_PutBlobHeader__Output } from './strata/partition/v1/PutBlobHeader.js';
import type { PutBlobRequest as _strata_partition_v1_PutBlobRequest, PutBlobRequest__Output as _strata_partition_v1_PutBlobRequest__Output } from './strata/partition/v1/PutBlobRequest.js';
import type { PutSmallBlobRequest as _strata_partition_v1_PutSmallBlobRequest, PutSmallBlobRequest__Output as _strata_partition_v1_PutSmallBlobRequest__Output } from './strata/partition/v1/PutSmallBlobRequest.js';
import type { ReportUsageRequest as _strata_partition_v1_ReportUsageRequest, ReportUsageRequest__Output as _strata_partition_v1_ReportUsageRequest__Output } from './strata/partition/v1/ReportUsageRequest.js';
import type { ReportUsageResponse as _strata_partition_v1_ReportUsageResponse, ReportUsageResponse__Output as _strata_partition_v1_ReportUsageResponse__Output } from './strata/partition/v1/ReportUsageResponse.js';
import type { SetBlobTagsRequest as _strata_partition_v1_SetBlobTagsRequest, SetBlobTagsRequest__Output as _strata_partition_v1_SetBlobTagsRequest__Output } from './strata/partition/v1/SetBlobTagsRequest.js';
import type { SetContainerPropertiesRequest as _strata_partition_v1_SetContainerPropertiesRequest, SetContainerPropertiesRequest__Output as _strata_partition_v1_SetContainerPropertiesRequest__Output } from './strata/partition/v1/SetContainerPropertiesRequest.js';
import type { SplitPartitionRequest as _strata_partition_v1_SplitPartitionRequest, SplitPartitionRequest__Output as _strata_partition_v1_SplitPartitionRequest__Output } from './strata/partition/v1/SplitPartitionRequest.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from './strata/partition/v1/Tag.js';
import type { UploadEntry as _strata_partition_v1_UploadEntry, UploadEntry__Output as _strata_partition_v1_UploadEntry__Output } from './strata/partition/v1/UploadEntry.js';
import type { UploadInfo as _strata_partition_v1_UploadInfo, UploadInfo__Output as _strata_partition_v1_UploadInfo__Output } from './strata/partition/v1/UploadInfo.js';
import type { UploadPartCommit as _strata_partition_v1_UploadPartCommit, UploadPartCommit__Output as _strata_partition_v1_UploadPartCommit__Output } from './strata/partition/v1/UploadPartCommit.js';
import type { UploadPartHeader as _strata_partition_v1_UploadPartHeader, UploadPartHeader__Output as _strata_partition_v1_UploadPartHeader__Output } from './strata/partition/v1/UploadPartHeader.js';
import type { UploadPartRequest as _strata_partition_v1_UploadPartRequest, UploadPartRequest__Output as _strata_partition_v1_UploadPartRequest__Output } from './strata/partition/v1/UploadPartRequest.js';
import type { UploadRecord as _strata_partition_v1_UploadRecord, UploadRecord__Output as _strata_partition_v1_UploadRecord__Output } from './strata/partition/v1/UploadRecord.js';
import type { UploadRequest as _strata_partition_v1_UploadRequest, UploadRequest__Output as _strata_partition_v1_UploadRequest__Output } from './strata/partition/v1/UploadRequest.js';
import type { VersionEntry as _strata_partition_v1_VersionEntry, VersionEntry__Output as _strata_partition_v1_VersionEntry__Output } from './strata/partition/v1/VersionEntry.js';
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
        AbortUploadResponse: MessageTypeDefinition<_strata_partition_v1_AbortUploadResponse, _strata_partition_v1_AbortUploadResponse__Output>
        BlobInfo: MessageTypeDefinition<_strata_partition_v1_BlobInfo, _strata_partition_v1_BlobInfo__Output>
        BlobProperties: MessageTypeDefinition<_strata_partition_v1_BlobProperties, _strata_partition_v1_BlobProperties__Output>
        BlobRecord: MessageTypeDefinition<_strata_partition_v1_BlobRecord, _strata_partition_v1_BlobRecord__Output>
        BlobRequest: MessageTypeDefinition<_strata_partition_v1_BlobRequest, _strata_partition_v1_BlobRequest__Output>
        BlobSummary: MessageTypeDefinition<_strata_partition_v1_BlobSummary, _strata_partition_v1_BlobSummary__Output>
        BlobVersion: MessageTypeDefinition<_strata_partition_v1_BlobVersion, _strata_partition_v1_BlobVersion__Output>
        BlockRun: MessageTypeDefinition<_strata_partition_v1_BlockRun, _strata_partition_v1_BlockRun__Output>
        CheckpointBlock: MessageTypeDefinition<_strata_partition_v1_CheckpointBlock, _strata_partition_v1_CheckpointBlock__Output>
        CheckpointEntry: MessageTypeDefinition<_strata_partition_v1_CheckpointEntry, _strata_partition_v1_CheckpointEntry__Output>
        CheckpointPartitionRequest: MessageTypeDefinition<_strata_partition_v1_CheckpointPartitionRequest, _strata_partition_v1_CheckpointPartitionRequest__Output>
        CheckpointPartitionResponse: MessageTypeDefinition<_strata_partition_v1_CheckpointPartitionResponse, _strata_partition_v1_CheckpointPartitionResponse__Output>
        CompactPartitionRequest: MessageTypeDefinition<_strata_partition_v1_CompactPartitionRequest, _strata_partition_v1_CompactPartitionRequest__Output>
        CompactPartitionResponse: MessageTypeDefinition<_strata_partition_v1_CompactPartitionResponse, _strata_partition_v1_CompactPartitionResponse__Output>
        CompleteUploadRequest: MessageTypeDefinition<_strata_partition_v1_CompleteUploadRequest, _strata_partition_v1_CompleteUploadRequest__Output>
        CompleteUploadResponse: MessageTypeDefinition<_strata_partition_v1_CompleteUploadResponse, _strata_partition_v1_CompleteUploadResponse__Output>
        CompletedPart: MessageTypeDefinition<_strata_partition_v1_CompletedPart, _strata_partition_v1_CompletedPart__Output>
        ContainerInfo: MessageTypeDefinition<_strata_partition_v1_ContainerInfo, _strata_partition_v1_ContainerInfo__Output>
        ContainerProperties: MessageTypeDefinition<_strata_partition_v1_ContainerProperties, _strata_partition_v1_ContainerProperties__Output>
        ContainerRecord: MessageTypeDefinition<_strata_partition_v1_ContainerRecord, _strata_partition_v1_ContainerRecord__Output>
        ContainerRequest: MessageTypeDefinition<_strata_partition_v1_ContainerRequest, _strata_partition_v1_ContainerRequest__Output>
        CopyBlobRequest: MessageTypeDefinition<_strata_partition_v1_CopyBlobRequest, _strata_partition_v1_CopyBlobRequest__Output>
        CorsRule: MessageTypeDefinition<_strata_partition_v1_CorsRule, _strata_partition_v1_CorsRule__Output>
        CreateUploadRequest: MessageTypeDefinition<_strata_partition_v1_CreateUploadRequest, _strata_partition_v1_CreateUploadRequest__Output>
        DeleteBlobResponse: MessageTypeDefinition<_strata_partition_v1_DeleteBlobResponse, _strata_partition_v1_DeleteBlobResponse__Output>
        DeleteContainerResponse: MessageTypeDefinition<_strata_partition_v1_DeleteContainerResponse, _strata_partition_v1_DeleteContainerResponse__Output>
        ExtentUsage: MessageTypeDefinition<_strata_partition_v1_ExtentUsage, _strata_partition_v1_ExtentUsage__Output>
        IndexMutation: MessageTypeDefinition<_strata_partition_v1_IndexMutation, _strata_partition_v1_IndexMutation__Output>
        ListBlobVersionsRequest: MessageTypeDefinition<_strata_partition_v1_ListBlobVersionsRequest, _strata_partition_v1_ListBlobVersionsRequest__Output>
        ListBlobVersionsResponse: MessageTypeDefinition<_strata_partition_v1_ListBlobVersionsResponse, _strata_partition_v1_ListBlobVersionsResponse__Output>
        ListBlobsRequest: MessageTypeDefinition<_strata_partition_v1_ListBlobsRequest, _strata_partition_v1_ListBlobsRequest__Output>
        ListBlobsResponse: MessageTypeDefinition<_strata_partition_v1_ListBlobsResponse, _strata_partition_v1_ListBlobsResponse__Output>
        ListContainersRequest: MessageTypeDefinition<_strata_partition_v1_ListContainersRequest, _strata_partition_v1_ListContainersRequest__Output>
        ListContainersResponse: MessageTypeDefinition<_strata_partition_v1_ListContainersResponse, _strata_partition_v1_ListContainersResponse__Output>
        ListEntry: MessageTypeDefinition<_strata_partition_v1_ListEntry, _strata_partition_v1_ListEntry__Output>
        ListPartsRequest: MessageTypeDefinition<_strata_partition_v1_ListPartsRequest, _strata_partition_v1_ListPartsRequest__Output>
        ListPartsResponse: MessageTypeDefinition<_strata_partition_v1_ListPartsResponse, _strata_partition_v1_ListPartsResponse__Output>
        ListUploadsRequest: MessageTypeDefinition<_strata_partition_v1_ListUploadsRequest, _strata_partition_v1_ListUploadsRequest__Output>
        ListUploadsResponse: MessageTypeDefinition<_strata_partition_v1_ListUploadsResponse, _strata_partition_v1_ListUploadsResponse__Output>
        LogBlock: MessageTypeDefinition<_strata_partition_v1_LogBlock, _strata_partition_v1_LogBlock__Output>
        LogRecord: MessageTypeDefinition<_strata_partition_v1_LogRecord, _strata_partition_v1_LogRecord__Output>
        MergePartitionsRequest: MessageTypeDefinition<_strata_partition_v1_MergePartitionsRequest, _strata_partition_v1_MergePartitionsRequest__Output>
        MultipartSummary: MessageTypeDefinition<_strata_partition_v1_MultipartSummary, _strata_partition_v1_MultipartSummary__Output>
        PartInfo: MessageTypeDefinition<_strata_partition_v1_PartInfo, _strata_partition_v1_PartInfo__Output>
        PartRecord: MessageTypeDefinition<_strata_partition_v1_PartRecord, _strata_partition_v1_PartRecord__Output>
        PartitionChange: MessageTypeDefinition<_strata_partition_v1_PartitionChange, _strata_partition_v1_PartitionChange__Output>
        PartitionRoot: MessageTypeDefinition<_strata_partition_v1_PartitionRoot, _strata_partition_v1_PartitionRoot__Output>
        PartitionServer: SubtypeConstructor<typeof grpc.Client, _strata_partition_v1_PartitionServerClient> & { service: _strata_partition_v1_PartitionServerDefinition }
        PartitionStat: MessageTypeDefinition<_strata_partition_v1_PartitionStat, _strata_partition_v1_PartitionStat__Output>
        PartitionStatsRequest: MessageTypeDefinition<_strata_partition_v1_PartitionStatsRequest, _strata_partition_v1_PartitionStatsRequest__Output>
        PartitionStatsResponse: MessageTypeDefinition<_strata_partition_v1_PartitionStatsResponse, _strata_partition_v1_PartitionStatsResponse__Output>
        PartitionUsage: MessageTypeDefinition<_strata_partition_v1_PartitionUsage, _strata_partition_v1_PartitionUsage__Output>
        PutBlobCommit: MessageTypeDefinition<_strata_partition_v1_PutBlobCommit, _strata_partition_v1_PutBlobCommit__Output>
        PutBlobHeader: MessageTypeDefinition<_strata_partition_v1_PutBlobHeader, _strata_partition_v1_PutBlobHeader__Output>
        PutBlobRequest: MessageTypeDefinition<_strata_partition_v1_PutBlobRequest, _strata_partition_v1_PutBlobRequest__Output>
        PutSmallBlobRequest: MessageTypeDefinition<_strata_partition_v1_PutSmallBlobRequest, _strata_partition_v1_PutSmallBlobRequest__Output>
        ReportUsageRequest: MessageTypeDefinition<_strata_partition_v1_ReportUsageRequest, _strata_partition_v1_ReportUsageRequest__Output>
        ReportUsageResponse: MessageTypeDefinition<_strata_partition_v1_ReportUsageResponse, _strata_partition_v1_ReportUsageResponse__Output>
        SetBlobTagsRequest: MessageTypeDefinition<_strata_partition_v1_SetBlobTagsRequest, _strata_partition_v1_SetBlobTagsRequest__Output>
        SetContainerPropertiesRequest: MessageTypeDefinition<_strata_partition_v1_SetContainerPropertiesRequest, _strata_partition_v1_SetContainerPropertiesRequest__Output>
        SplitPartitionRequest: MessageTypeDefinition<_strata_partition_v1_SplitPartitionRequest, _strata_partition_v1_SplitPartitionRequest__Output>
        Tag: MessageTypeDefinition<_strata_partition_v1_Tag, _strata_partition_v1_Tag__Output>
        UploadEntry: MessageTypeDefinition<_strata_partition_v1_UploadEntry, _strata_partition_v1_UploadEntry__Output>
        UploadInfo: MessageTypeDefinition<_strata_partition_v1_UploadInfo, _strata_partition_v1_UploadInfo__Output>
        UploadPartCommit: MessageTypeDefinition<_strata_partition_v1_UploadPartCommit, _strata_partition_v1_UploadPartCommit__Output>
        UploadPartHeader: MessageTypeDefinition<_strata_partition_v1_UploadPartHeader, _strata_partition_v1_UploadPartHeader__Output>
        UploadPartRequest: MessageTypeDefinition<_strata_partition_v1_UploadPartRequest, _strata_partition_v1_UploadPartRequest__Output>
        UploadRecord: MessageTypeDefinition<_strata_partition_v1_UploadRecord, _strata_partition_v1_UploadRecord__Output>
        UploadRequest: MessageTypeDefinition<_strata_partition_v1_UploadRequest, _strata_partition_v1_UploadRequest__Output>
        VersionEntry: MessageTypeDefinition<_strata_partition_v1_VersionEntry, _strata_partition_v1_VersionEntry__Output>
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

