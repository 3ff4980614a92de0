// Original file: strata/partition/v1/partition_server.proto


export interface CheckpointPartitionRequest {
  'partitionId'?: (string);
}

export interface CheckpointPartitionRequest__Output {
  'partitionId': (string);
}
