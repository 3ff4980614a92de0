// Original file: strata/partition/v1/partition_server.proto


export interface CompactPartitionRequest {
  'partitionId'?: (string);
  'extentIds'?: (string)[];
}

export interface CompactPartitionRequest__Output {
  'partitionId': (string);
  'extentIds': (string)[];
}
