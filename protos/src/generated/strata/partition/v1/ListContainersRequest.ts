// Original file: strata/partition/v1/partition_server.proto


export interface ListContainersRequest {
  'account'?: (string);
  'startAfter'?: (string);
  'maxResults'?: (number);
  'partitionId'?: (string);
}

export interface ListContainersRequest__Output {
  'account': (string);
  'startAfter': (string);
  'maxResults': (number);
  'partitionId': (string);
}
