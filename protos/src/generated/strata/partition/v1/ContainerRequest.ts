// Original file: strata/partition/v1/partition_server.proto


export interface ContainerRequest {
  'account'?: (string);
  'container'?: (string);
  'partitionId'?: (string);
}

export interface ContainerRequest__Output {
  'account': (string);
  'container': (string);
  'partitionId': (string);
}
