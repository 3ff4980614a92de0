// Original file: strata/partition/v1/partition_server.proto


export interface SplitPartitionRequest {
  'partitionId'?: (string);
  'splitKey'?: (string);
}

export interface SplitPartitionRequest__Output {
  'partitionId': (string);
  'splitKey': (string);
}
