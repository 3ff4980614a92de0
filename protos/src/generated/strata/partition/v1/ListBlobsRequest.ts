// Original file: strata/partition/v1/partition_server.proto


export interface ListBlobsRequest {
  'account'?: (string);
  'container'?: (string);
  'prefix'?: (string);
  'startAfter'?: (string);
  'maxResults'?: (number);
  'partitionId'?: (string);
  'delimiter'?: (string);
  'startAfterIsPrefix'?: (boolean);
}

export interface ListBlobsRequest__Output {
  'account': (string);
  'container': (string);
  'prefix': (string);
  'startAfter': (string);
  'maxResults': (number);
  'partitionId': (string);
  'delimiter': (string);
  'startAfterIsPrefix': (boolean);
}
