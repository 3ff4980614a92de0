// Original file: strata/partition/v1/partition_server.proto


export interface MergePartitionsRequest {
  'leftPartitionId'?: (string);
  'rightPartitionId'?: (string);
}

export interface MergePartitionsRequest__Output {
  'leftPartitionId': (string);
  'rightPartitionId': (string);
}
