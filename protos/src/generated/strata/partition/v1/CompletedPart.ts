// Original file: strata/partition/v1/partition_server.proto


export interface CompletedPart {
  'partNumber'?: (number);
  'etag'?: (string);
  'checksum'?: (string);
}

export interface CompletedPart__Output {
  'partNumber': (number);
  'etag': (string);
  'checksum': (string);
}
