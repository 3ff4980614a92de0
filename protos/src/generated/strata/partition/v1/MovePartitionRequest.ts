// Original file: strata/partition/v1/partition_manager.proto


export interface MovePartitionRequest {
  'partitionId'?: (string);
  'serverId'?: (string);
}

export interface MovePartitionRequest__Output {
  'partitionId': (string);
  'serverId': (string);
}
