import { messageCodec, type partitionV1 } from '@strata/protos';

/** Codecs of the records the partition layer stores (strata/partition/v1/records.proto). */
export const blobRecordCodec = messageCodec<partitionV1.BlobRecord, partitionV1.BlobRecord__Output>('strata.partition.v1.BlobRecord');
export const containerRecordCodec = messageCodec<partitionV1.ContainerRecord, partitionV1.ContainerRecord__Output>('strata.partition.v1.ContainerRecord');
export const logBlockCodec = messageCodec<partitionV1.LogBlock, partitionV1.LogBlock__Output>('strata.partition.v1.LogBlock');
export const checkpointBlockCodec = messageCodec<partitionV1.CheckpointBlock, partitionV1.CheckpointBlock__Output>('strata.partition.v1.CheckpointBlock');
export const partitionRootCodec = messageCodec<partitionV1.PartitionRoot, partitionV1.PartitionRoot__Output>('strata.partition.v1.PartitionRoot');
export const uploadRecordCodec = messageCodec<partitionV1.UploadRecord, partitionV1.UploadRecord__Output>('strata.partition.v1.UploadRecord');
export const partRecordCodec = messageCodec<partitionV1.PartRecord, partitionV1.PartRecord__Output>('strata.partition.v1.PartRecord');
