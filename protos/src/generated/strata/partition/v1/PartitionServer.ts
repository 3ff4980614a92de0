// Original file: strata/partition/v1/partition_server.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AbortUploadResponse as _strata_partition_v1_AbortUploadResponse, AbortUploadResponse__Output as _strata_partition_v1_AbortUploadResponse__Output } from '../../../strata/partition/v1/AbortUploadResponse.js';
import type { BlobInfo as _strata_partition_v1_BlobInfo, BlobInfo__Output as _strata_partition_v1_BlobInfo__Output } from '../../../strata/partition/v1/BlobInfo.js';
import type { BlobRequest as _strata_partition_v1_BlobRequest, BlobRequest__Output as _strata_partition_v1_BlobRequest__Output } from '../../../strata/partition/v1/BlobRequest.js';
import type { CheckpointPartitionRequest as _strata_partition_v1_CheckpointPartitionRequest, CheckpointPartitionRequest__Output as _strata_partition_v1_CheckpointPartitionRequest__Output } from '../../../strata/partition/v1/CheckpointPartitionRequest.js';
import type { CheckpointPartitionResponse as _strata_partition_v1_CheckpointPartitionResponse, CheckpointPartitionResponse__Output as _strata_partition_v1_CheckpointPartitionResponse__Output } from '../../../strata/partition/v1/CheckpointPartitionResponse.js';
import type { CompactPartitionRequest as _strata_partition_v1_CompactPartitionRequest, CompactPartitionRequest__Output as _strata_partition_v1_CompactPartitionRequest__Output } from '../../../strata/partition/v1/CompactPartitionRequest.js';
import type { CompactPartitionResponse as _strata_partition_v1_CompactPartitionResponse, CompactPartitionResponse__Output as _strata_partition_v1_CompactPartitionResponse__Output } from '../../../strata/partition/v1/CompactPartitionResponse.js';
import type { CompleteUploadRequest as _strata_partition_v1_CompleteUploadRequest, CompleteUploadRequest__Output as _strata_partition_v1_CompleteUploadRequest__Output } from '../../../strata/partition/v1/CompleteUploadRequest.js';
import type { CompleteUploadResponse as _strata_partition_v1_CompleteUploadResponse, CompleteUploadResponse__Output as _strata_partition_v1_CompleteUploadResponse__Output } from '../../../strata/partition/v1/CompleteUploadResponse.js';
import type { ContainerInfo as _strata_partition_v1_ContainerInfo, ContainerInfo__Output as _strata_partition_v1_ContainerInfo__Output } from '../../../strata/partition/v1/ContainerInfo.js';
import type { ContainerRequest as _strata_partition_v1_ContainerRequest, ContainerRequest__Output as _strata_partition_v1_ContainerRequest__Output } from '../../../strata/partition/v1/ContainerRequest.js';
import type { CopyBlobRequest as _strata_partition_v1_CopyBlobRequest, CopyBlobRequest__Output as _strata_partition_v1_CopyBlobRequest__Output } from '../../../strata/partition/v1/CopyBlobRequest.js';
import type { CreateUploadRequest as _strata_partition_v1_CreateUploadRequest, CreateUploadRequest__Output as _strata_partition_v1_CreateUploadRequest__Output } from '../../../strata/partition/v1/CreateUploadRequest.js';
import type { DeleteBlobResponse as _strata_partition_v1_DeleteBlobResponse, DeleteBlobResponse__Output as _strata_partition_v1_DeleteBlobResponse__Output } from '../../../strata/partition/v1/DeleteBlobResponse.js';
import type { DeleteContainerResponse as _strata_partition_v1_DeleteContainerResponse, DeleteContainerResponse__Output as _strata_partition_v1_DeleteContainerResponse__Output } from '../../../strata/partition/v1/DeleteContainerResponse.js';
import type { ListBlobVersionsRequest as _strata_partition_v1_ListBlobVersionsRequest, ListBlobVersionsRequest__Output as _strata_partition_v1_ListBlobVersionsRequest__Output } from '../../../strata/partition/v1/ListBlobVersionsRequest.js';
import type { ListBlobVersionsResponse as _strata_partition_v1_ListBlobVersionsResponse, ListBlobVersionsResponse__Output as _strata_partition_v1_ListBlobVersionsResponse__Output } from '../../../strata/partition/v1/ListBlobVersionsResponse.js';
import type { ListBlobsRequest as _strata_partition_v1_ListBlobsRequest, ListBlobsRequest__Output as _strata_partition_v1_ListBlobsRequest__Output } from '../../../strata/partition/v1/ListBlobsRequest.js';
import type { ListBlobsResponse as _strata_partition_v1_ListBlobsResponse, ListBlobsResponse__Output as _strata_partition_v1_ListBlobsResponse__Output } from '../../../strata/partition/v1/ListBlobsResponse.js';
import type { ListContainersRequest as _strata_partition_v1_ListContainersRequest, ListContainersRequest__Output as _strata_partition_v1_ListContainersRequest__Output } from '../../../strata/partition/v1/ListContainersRequest.js';
import type { ListContainersResponse as _strata_partition_v1_ListContainersResponse, ListContainersResponse__Output as _strata_partition_v1_ListContainersResponse__Output } from '../../../strata/partition/v1/ListContainersResponse.js';
import type { ListPartsRequest as _strata_partition_v1_ListPartsRequest, ListPartsRequest__Output as _strata_partition_v1_ListPartsRequest__Output } from '../../../strata/partition/v1/ListPartsRequest.js';
import type { ListPartsResponse as _strata_partition_v1_ListPartsResponse, ListPartsResponse__Output as _strata_partition_v1_ListPartsResponse__Output } from '../../../strata/partition/v1/ListPartsResponse.js';
import type { ListUploadsRequest as _strata_partition_v1_ListUploadsRequest, ListUploadsRequest__Output as _strata_partition_v1_ListUploadsRequest__Output } from '../../../strata/partition/v1/ListUploadsRequest.js';
import type { ListUploadsResponse as _strata_partition_v1_ListUploadsResponse, ListUploadsResponse__Output as _strata_partition_v1_ListUploadsResponse__Output } from '../../../strata/partition/v1/ListUploadsResponse.js';
import type { MergePartitionsRequest as _strata_partition_v1_MergePartitionsRequest, MergePartitionsRequest__Output as _strata_partition_v1_MergePartitionsRequest__Output } from '../../../strata/partition/v1/MergePartitionsRequest.js';
import type { PartInfo as _strata_partition_v1_PartInfo, PartInfo__Output as _strata_partition_v1_PartInfo__Output } from '../../../strata/partition/v1/PartInfo.js';
import type { PartitionChange as _strata_partition_v1_PartitionChange, PartitionChange__Output as _strata_partition_v1_PartitionChange__Output } from '../../../strata/partition/v1/PartitionChange.js';
import type { PartitionStatsRequest as _strata_partition_v1_PartitionStatsRequest, PartitionStatsRequest__Output as _strata_partition_v1_PartitionStatsRequest__Output } from '../../../strata/partition/v1/PartitionStatsRequest.js';
import type { PartitionStatsResponse as _strata_partition_v1_PartitionStatsResponse, PartitionStatsResponse__Output as _strata_partition_v1_PartitionStatsResponse__Output } from '../../../strata/partition/v1/PartitionStatsResponse.js';
import type { PutBlobRequest as _strata_partition_v1_PutBlobRequest, PutBlobRequest__Output as _strata_partition_v1_PutBlobRequest__Output } from '../../../strata/partition/v1/PutBlobRequest.js';
import type { PutSmallBlobRequest as _strata_partition_v1_PutSmallBlobRequest, PutSmallBlobRequest__Output as _strata_partition_v1_PutSmallBlobRequest__Output } from '../../../strata/partition/v1/PutSmallBlobRequest.js';
import type { ReportUsageRequest as _strata_partition_v1_ReportUsageRequest, ReportUsageRequest__Output as _strata_partition_v1_ReportUsageRequest__Output } from '../../../strata/partition/v1/ReportUsageRequest.js';
import type { ReportUsageResponse as _strata_partition_v1_ReportUsageResponse, ReportUsageResponse__Output as _strata_partition_v1_ReportUsageResponse__Output } from '../../../strata/partition/v1/ReportUsageResponse.js';
import type { SetBlobTagsRequest as _strata_partition_v1_SetBlobTagsRequest, SetBlobTagsRequest__Output as _strata_partition_v1_SetBlobTagsRequest__Output } from '../../../strata/partition/v1/SetBlobTagsRequest.js';
import type { SetContainerPropertiesRequest as _strata_partition_v1_SetContainerPropertiesRequest, SetContainerPropertiesRequest__Output as _strata_partition_v1_SetContainerPropertiesRequest__Output } from '../../../strata/partition/v1/SetContainerPropertiesRequest.js';
import type { SplitPartitionRequest as _strata_partition_v1_SplitPartitionRequest, SplitPartitionRequest__Output as _strata_partition_v1_SplitPartitionRequest__Output } from '../../../strata/partition/v1/SplitPartitionRequest.js';
import type { UploadInfo as _strata_partition_v1_UploadInfo, UploadInfo__Output as _strata_partition_v1_UploadInfo__Output } from '../../../strata/partition/v1/UploadInfo.js';
import type { UploadPartRequest as _strata_partition_v1_UploadPartRequest, UploadPartRequest__Output as _strata_partition_v1_UploadPartRequest__Output } from '../../../strata/partition/v1/UploadPartRequest.js';
import type { UploadRequest as _strata_partition_v1_UploadRequest, UploadRequest__Output as _strata_partition_v1_UploadRequest__Output } from '../../../strata/partition/v1/UploadRequest.js';

export interface PartitionServerClient extends grpc.Client {
  AbortUpload(argument: _strata_partition_v1_UploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  AbortUpload(argument: _strata_partition_v1_UploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  AbortUpload(argument: _strata_partition_v1_UploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  AbortUpload(argument: _strata_partition_v1_UploadRequest, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  abortUpload(argument: _strata_partition_v1_UploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  abortUpload(argument: _strata_partition_v1_UploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  abortUpload(argument: _strata_partition_v1_UploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  abortUpload(argument: _strata_partition_v1_UploadRequest, callback: grpc.requestCallback<_strata_partition_v1_AbortUploadResponse__Output>): grpc.ClientUnaryCall;
  
  CheckpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  CheckpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  CheckpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  CheckpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  checkpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  checkpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  checkpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  checkpointPartition(argument: _strata_partition_v1_CheckpointPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_CheckpointPartitionResponse__Output>): grpc.ClientUnaryCall;
  
  CompactPartition(argument: _strata_partition_v1_CompactPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  CompactPartition(argument: _strata_partition_v1_CompactPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  CompactPartition(argument: _strata_partition_v1_CompactPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  CompactPartition(argument: _strata_partition_v1_CompactPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  compactPartition(argument: _strata_partition_v1_CompactPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  compactPartition(argument: _strata_partition_v1_CompactPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  compactPartition(argument: _strata_partition_v1_CompactPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  compactPartition(argument: _strata_partition_v1_CompactPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_CompactPartitionResponse__Output>): grpc.ClientUnaryCall;
  
  CompleteUpload(argument: _strata_partition_v1_CompleteUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  CompleteUpload(argument: _strata_partition_v1_CompleteUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  CompleteUpload(argument: _strata_partition_v1_CompleteUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  CompleteUpload(argument: _strata_partition_v1_CompleteUploadRequest, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _strata_partition_v1_CompleteUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _strata_partition_v1_CompleteUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _strata_partition_v1_CompleteUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _strata_partition_v1_CompleteUploadRequest, callback: grpc.requestCallback<_strata_partition_v1_CompleteUploadResponse__Output>): grpc.ClientUnaryCall;
  
  CopyBlob(argument: _strata_partition_v1_CopyBlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  CopyBlob(argument: _strata_partition_v1_CopyBlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  CopyBlob(argument: _strata_partition_v1_CopyBlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  CopyBlob(argument: _strata_partition_v1_CopyBlobRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  copyBlob(argument: _strata_partition_v1_CopyBlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  copyBlob(argument: _strata_partition_v1_CopyBlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  copyBlob(argument: _strata_partition_v1_CopyBlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  copyBlob(argument: _strata_partition_v1_CopyBlobRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  
  CreateContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  CreateContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  CreateContainer(argument: _strata_partition_v1_ContainerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  CreateContainer(argument: _strata_partition_v1_ContainerRequest, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  createContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  createContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  createContainer(argument: _strata_partition_v1_ContainerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  createContainer(argument: _strata_partition_v1_ContainerRequest, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  
  CreateUpload(argument: _strata_partition_v1_CreateUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  CreateUpload(argument: _strata_partition_v1_CreateUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  CreateUpload(argument: _strata_partition_v1_CreateUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  CreateUpload(argument: _strata_partition_v1_CreateUploadRequest, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _strata_partition_v1_CreateUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _strata_partition_v1_CreateUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _strata_partition_v1_CreateUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _strata_partition_v1_CreateUploadRequest, callback: grpc.requestCallback<_strata_partition_v1_UploadInfo__Output>): grpc.ClientUnaryCall;
  
  DeleteBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  DeleteBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  DeleteBlob(argument: _strata_partition_v1_BlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  DeleteBlob(argument: _strata_partition_v1_BlobRequest, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  deleteBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  deleteBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  deleteBlob(argument: _strata_partition_v1_BlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  deleteBlob(argument: _strata_partition_v1_BlobRequest, callback: grpc.requestCallback<_strata_partition_v1_DeleteBlobResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  DeleteContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  DeleteContainer(argument: _strata_partition_v1_ContainerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  DeleteContainer(argument: _strata_partition_v1_ContainerRequest, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  deleteContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  deleteContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  deleteContainer(argument: _strata_partition_v1_ContainerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  deleteContainer(argument: _strata_partition_v1_ContainerRequest, callback: grpc.requestCallback<_strata_partition_v1_DeleteContainerResponse__Output>): grpc.ClientUnaryCall;
  
  GetBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  GetBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  GetBlob(argument: _strata_partition_v1_BlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  GetBlob(argument: _strata_partition_v1_BlobRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  getBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  getBlob(argument: _strata_partition_v1_BlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  getBlob(argument: _strata_partition_v1_BlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  getBlob(argument: _strata_partition_v1_BlobRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  
  GetContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  GetContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  GetContainer(argument: _strata_partition_v1_ContainerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  GetContainer(argument: _strata_partition_v1_ContainerRequest, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  getContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  getContainer(argument: _strata_partition_v1_ContainerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  getContainer(argument: _strata_partition_v1_ContainerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  getContainer(argument: _strata_partition_v1_ContainerRequest, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  
  ListBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  listBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  listBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  listBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  listBlobVersions(argument: _strata_partition_v1_ListBlobVersionsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListBlobVersionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListBlobs(argument: _strata_partition_v1_ListBlobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  ListBlobs(argument: _strata_partition_v1_ListBlobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  ListBlobs(argument: _strata_partition_v1_ListBlobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  ListBlobs(argument: _strata_partition_v1_ListBlobsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  listBlobs(argument: _strata_partition_v1_ListBlobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  listBlobs(argument: _strata_partition_v1_ListBlobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  listBlobs(argument: _strata_partition_v1_ListBlobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  listBlobs(argument: _strata_partition_v1_ListBlobsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListBlobsResponse__Output>): grpc.ClientUnaryCall;
  
  ListContainers(argument: _strata_partition_v1_ListContainersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  ListContainers(argument: _strata_partition_v1_ListContainersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  ListContainers(argument: _strata_partition_v1_ListContainersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  ListContainers(argument: _strata_partition_v1_ListContainersRequest, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  listContainers(argument: _strata_partition_v1_ListContainersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  listContainers(argument: _strata_partition_v1_ListContainersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  listContainers(argument: _strata_partition_v1_ListContainersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  listContainers(argument: _strata_partition_v1_ListContainersRequest, callback: grpc.requestCallback<_strata_partition_v1_ListContainersResponse__Output>): grpc.ClientUnaryCall;
  
  ListParts(argument: _strata_partition_v1_ListPartsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  ListParts(argument: _strata_partition_v1_ListPartsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  ListParts(argument: _strata_partition_v1_ListPartsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  ListParts(argument: _strata_partition_v1_ListPartsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  listParts(argument: _strata_partition_v1_ListPartsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  listParts(argument: _strata_partition_v1_ListPartsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  listParts(argument: _strata_partition_v1_ListPartsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  listParts(argument: _strata_partition_v1_ListPartsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListPartsResponse__Output>): grpc.ClientUnaryCall;
  
  ListUploads(argument: _strata_partition_v1_ListUploadsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  ListUploads(argument: _strata_partition_v1_ListUploadsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  ListUploads(argument: _strata_partition_v1_ListUploadsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  ListUploads(argument: _strata_partition_v1_ListUploadsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  listUploads(argument: _strata_partition_v1_ListUploadsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  listUploads(argument: _strata_partition_v1_ListUploadsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  listUploads(argument: _strata_partition_v1_ListUploadsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  listUploads(argument: _strata_partition_v1_ListUploadsRequest, callback: grpc.requestCallback<_strata_partition_v1_ListUploadsResponse__Output>): grpc.ClientUnaryCall;
  
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  
  PartitionStats(argument: _strata_partition_v1_PartitionStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  PartitionStats(argument: _strata_partition_v1_PartitionStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  PartitionStats(argument: _strata_partition_v1_PartitionStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  PartitionStats(argument: _strata_partition_v1_PartitionStatsRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  partitionStats(argument: _strata_partition_v1_PartitionStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  partitionStats(argument: _strata_partition_v1_PartitionStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  partitionStats(argument: _strata_partition_v1_PartitionStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  partitionStats(argument: _strata_partition_v1_PartitionStatsRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionStatsResponse__Output>): grpc.ClientUnaryCall;
  
  PutBlob(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  PutBlob(metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  PutBlob(options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  PutBlob(callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  putBlob(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  putBlob(metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  putBlob(options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  putBlob(callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_PutBlobRequest>;
  
  PutSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  PutSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  PutSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  PutSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  putSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  putSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  putSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  putSmallBlob(argument: _strata_partition_v1_PutSmallBlobRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  
  ReportUsage(argument: _strata_partition_v1_ReportUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  ReportUsage(argument: _strata_partition_v1_ReportUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  ReportUsage(argument: _strata_partition_v1_ReportUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  ReportUsage(argument: _strata_partition_v1_ReportUsageRequest, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  reportUsage(argument: _strata_partition_v1_ReportUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  reportUsage(argument: _strata_partition_v1_ReportUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  reportUsage(argument: _strata_partition_v1_ReportUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  reportUsage(argument: _strata_partition_v1_ReportUsageRequest, callback: grpc.requestCallback<_strata_partition_v1_ReportUsageResponse__Output>): grpc.ClientUnaryCall;
  
  SetBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  SetBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  SetBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  SetBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  setBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  setBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  setBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  setBlobTags(argument: _strata_partition_v1_SetBlobTagsRequest, callback: grpc.requestCallback<_strata_partition_v1_BlobInfo__Output>): grpc.ClientUnaryCall;
  
  SetContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  SetContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  SetContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  SetContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  setContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  setContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  setContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  setContainerProperties(argument: _strata_partition_v1_SetContainerPropertiesRequest, callback: grpc.requestCallback<_strata_partition_v1_ContainerInfo__Output>): grpc.ClientUnaryCall;
  
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  
  UploadPart(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  UploadPart(metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  UploadPart(options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  UploadPart(callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  uploadPart(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  uploadPart(metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  uploadPart(options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  uploadPart(callback: grpc.requestCallback<_strata_partition_v1_PartInfo__Output>): grpc.ClientWritableStream<_strata_partition_v1_UploadPartRequest>;
  
}

export interface PartitionServerHandlers extends grpc.UntypedServiceImplementation {
  AbortUpload: grpc.handleUnaryCall<_strata_partition_v1_UploadRequest__Output, _strata_partition_v1_AbortUploadResponse>;
  
  CheckpointPartition: grpc.handleUnaryCall<_strata_partition_v1_CheckpointPartitionRequest__Output, _strata_partition_v1_CheckpointPartitionResponse>;
  
  CompactPartition: grpc.handleUnaryCall<_strata_partition_v1_CompactPartitionRequest__Output, _strata_partition_v1_CompactPartitionResponse>;
  
  CompleteUpload: grpc.handleUnaryCall<_strata_partition_v1_CompleteUploadRequest__Output, _strata_partition_v1_CompleteUploadResponse>;
  
  CopyBlob: grpc.handleUnaryCall<_strata_partition_v1_CopyBlobRequest__Output, _strata_partition_v1_BlobInfo>;
  
  CreateContainer: grpc.handleUnaryCall<_strata_partition_v1_ContainerRequest__Output, _strata_partition_v1_ContainerInfo>;
  
  CreateUpload: grpc.handleUnaryCall<_strata_partition_v1_CreateUploadRequest__Output, _strata_partition_v1_UploadInfo>;
  
  DeleteBlob: grpc.handleUnaryCall<_strata_partition_v1_BlobRequest__Output, _strata_partition_v1_DeleteBlobResponse>;
  
  DeleteContainer: grpc.handleUnaryCall<_strata_partition_v1_ContainerRequest__Output, _strata_partition_v1_DeleteContainerResponse>;
  
  GetBlob: grpc.handleUnaryCall<_strata_partition_v1_BlobRequest__Output, _strata_partition_v1_BlobInfo>;
  
  GetContainer: grpc.handleUnaryCall<_strata_partition_v1_ContainerRequest__Output, _strata_partition_v1_ContainerInfo>;
  
  ListBlobVersions: grpc.handleUnaryCall<_strata_partition_v1_ListBlobVersionsRequest__Output, _strata_partition_v1_ListBlobVersionsResponse>;
  
  ListBlobs: grpc.handleUnaryCall<_strata_partition_v1_ListBlobsRequest__Output, _strata_partition_v1_ListBlobsResponse>;
  
  ListContainers: grpc.handleUnaryCall<_strata_partition_v1_ListContainersRequest__Output, _strata_partition_v1_ListContainersResponse>;
  
  ListParts: grpc.handleUnaryCall<_strata_partition_v1_ListPartsRequest__Output, _strata_partition_v1_ListPartsResponse>;
  
  ListUploads: grpc.handleUnaryCall<_strata_partition_v1_ListUploadsRequest__Output, _strata_partition_v1_ListUploadsResponse>;
  
  MergePartitions: grpc.handleUnaryCall<_strata_partition_v1_MergePartitionsRequest__Output, _strata_partition_v1_PartitionChange>;
  
  PartitionStats: grpc.handleUnaryCall<_strata_partition_v1_PartitionStatsRequest__Output, _strata_partition_v1_PartitionStatsResponse>;
  
  PutBlob: grpc.handleClientStreamingCall<_strata_partition_v1_PutBlobRequest__Output, _strata_partition_v1_BlobInfo>;
  
  PutSmallBlob: grpc.handleUnaryCall<_strata_partition_v1_PutSmallBlobRequest__Output, _strata_partition_v1_BlobInfo>;
  
  ReportUsage: grpc.handleUnaryCall<_strata_partition_v1_ReportUsageRequest__Output, _strata_partition_v1_ReportUsageResponse>;
  
  SetBlobTags: grpc.handleUnaryCall<_strata_partition_v1_SetBlobTagsRequest__Output, _strata_partition_v1_BlobInfo>;
  
  SetContainerProperties: grpc.handleUnaryCall<_strata_partition_v1_SetContainerPropertiesRequest__Output, _strata_partition_v1_ContainerInfo>;
  
  SplitPartition: grpc.handleUnaryCall<_strata_partition_v1_SplitPartitionRequest__Output, _strata_partition_v1_PartitionChange>;
  
  UploadPart: grpc.handleClientStreamingCall<_strata_partition_v1_UploadPartRequest__Output, _strata_partition_v1_PartInfo>;
  
}

export interface PartitionServerDefinition extends grpc.ServiceDefinition {
  AbortUpload: MethodDefinition<_strata_partition_v1_UploadRequest, _strata_partition_v1_AbortUploadResponse, _strata_partition_v1_UploadRequest__Output, _strata_partition_v1_AbortUploadResponse__Output>
  CheckpointPartition: MethodDefinition<_strata_partition_v1_CheckpointPartitionRequest, _strata_partition_v1_CheckpointPartitionResponse, _strata_partition_v1_CheckpointPartitionRequest__Output, _strata_partition_v1_CheckpointPartitionResponse__Output>
  CompactPartition: MethodDefinition<_strata_partition_v1_CompactPartitionRequest, _strata_partition_v1_CompactPartitionResponse, _strata_partition_v1_CompactPartitionRequest__Output, _strata_partition_v1_CompactPartitionResponse__Output>
  CompleteUpload: MethodDefinition<_strata_partition_v1_CompleteUploadRequest, _strata_partition_v1_CompleteUploadResponse, _strata_partition_v1_CompleteUploadRequest__Output, _strata_partition_v1_CompleteUploadResponse__Output>
  CopyBlob: MethodDefinition<_strata_partition_v1_CopyBlobRequest, _strata_partition_v1_BlobInfo, _strata_partition_v1_CopyBlobRequest__Output, _strata_partition_v1_BlobInfo__Output>
  CreateContainer: MethodDefinition<_strata_partition_v1_ContainerRequest, _strata_partition_v1_ContainerInfo, _strata_partition_v1_ContainerRequest__Output, _strata_partition_v1_ContainerInfo__Output>
  CreateUpload: MethodDefinition<_strata_partition_v1_CreateUploadRequest, _strata_partition_v1_UploadInfo, _strata_partition_v1_CreateUploadRequest__Output, _strata_partition_v1_UploadInfo__Output>
  DeleteBlob: MethodDefinition<_strata_partition_v1_BlobRequest, _strata_partition_v1_DeleteBlobResponse, _strata_partition_v1_BlobRequest__Output, _strata_partition_v1_DeleteBlobResponse__Output>
  DeleteContainer: MethodDefinition<_strata_partition_v1_ContainerRequest, _strata_partition_v1_DeleteContainerResponse, _strata_partition_v1_ContainerRequest__Output, _strata_partition_v1_DeleteContainerResponse__Output>
  GetBlob: MethodDefinition<_strata_partition_v1_BlobRequest, _strata_partition_v1_BlobInfo, _strata_partition_v1_BlobRequest__Output, _strata_partition_v1_BlobInfo__Output>
  GetContainer: MethodDefinition<_strata_partition_v1_ContainerRequest, _strata_partition_v1_ContainerInfo, _strata_partition_v1_ContainerRequest__Output, _strata_partition_v1_ContainerInfo__Output>
  ListBlobVersions: MethodDefinition<_strata_partition_v1_ListBlobVersionsRequest, _strata_partition_v1_ListBlobVersionsResponse, _strata_partition_v1_ListBlobVersionsRequest__Output, _strata_partition_v1_ListBlobVersionsResponse__Output>
  ListBlobs: MethodDefinition<_strata_partition_v1_ListBlobsRequest, _strata_partition_v1_ListBlobsResponse, _strata_partition_v1_ListBlobsRequest__Output, _strata_partition_v1_ListBlobsResponse__Output>
  ListContainers: MethodDefinition<_strata_partition_v1_ListContainersRequest, _strata_partition_v1_ListContainersResponse, _strata_partition_v1_ListContainersRequest__Output, _strata_partition_v1_ListContainersResponse__Output>
  ListParts: MethodDefinition<_strata_partition_v1_ListPartsRequest, _strata_partition_v1_ListPartsResponse, _strata_partition_v1_ListPartsRequest__Output, _strata_partition_v1_ListPartsResponse__Output>
  ListUploads: MethodDefinition<_strata_partition_v1_ListUploadsRequest, _strata_partition_v1_ListUploadsResponse, _strata_partition_v1_ListUploadsRequest__Output, _strata_partition_v1_ListUploadsResponse__Output>
  MergePartitions: MethodDefinition<_strata_partition_v1_MergePartitionsRequest, _strata_partition_v1_PartitionChange, _strata_partition_v1_MergePartitionsRequest__Output, _strata_partition_v1_PartitionChange__Output>
  PartitionStats: MethodDefinition<_strata_partition_v1_PartitionStatsRequest, _strata_partition_v1_PartitionStatsResponse, _strata_partition_v1_PartitionStatsRequest__Output, _strata_partition_v1_PartitionStatsResponse__Output>
  PutBlob: MethodDefinition<_strata_partition_v1_PutBlobRequest, _strata_partition_v1_BlobInfo, _strata_partition_v1_PutBlobRequest__Output, _strata_partition_v1_BlobInfo__Output>
  PutSmallBlob: MethodDefinition<_strata_partition_v1_PutSmallBlobRequest, _strata_partition_v1_BlobInfo, _strata_partition_v1_PutSmallBlobRequest__Output, _strata_partition_v1_BlobInfo__Output>
  ReportUsage: MethodDefinition<_strata_partition_v1_ReportUsageRequest, _strata_partition_v1_ReportUsageResponse, _strata_partition_v1_ReportUsageRequest__Output, _strata_partition_v1_ReportUsageResponse__Output>
  SetBlobTags: MethodDefinition<_strata_partition_v1_SetBlobTagsRequest, _strata_partition_v1_BlobInfo, _strata_partition_v1_SetBlobTagsRequest__Output, _strata_partition_v1_BlobInfo__Output>
  SetContainerProperties: MethodDefinition<_strata_partition_v1_SetContainerPropertiesRequest, _strata_partition_v1_ContainerInfo, _strata_partition_v1_SetContainerPropertiesRequest__Output, _strata_partition_v1_ContainerInfo__Output>
  SplitPartition: MethodDefinition<_strata_partition_v1_SplitPartitionRequest, _strata_partition_v1_PartitionChange, _strata_partition_v1_SplitPartitionRequest__Output, _strata_partition_v1_PartitionChange__Output>
  UploadPart: MethodDefinition<_strata_partition_v1_UploadPartRequest, _strata_partition_v1_PartInfo, _strata_partition_v1_UploadPartRequest__Output, _strata_partition_v1_PartInfo__Output>
}
