// Original file: strata/partition/v1/partition_manager.proto


export interface PartitionStreams {
  'logStreamId'?: (string);
  'dataStreamId'?: (string);
  'metaStreamId'?: (string);
  'checkpointStreamId'?: (string);
}

export interface PartitionStreams__Output {
  'logStreamId': (string);
  'dataStreamId': (string);
  'metaStreamId': (string);
  'checkpointStreamId': (string);
}
