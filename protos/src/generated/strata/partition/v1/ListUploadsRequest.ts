// Original file: strata/partition/v1/partition_server.proto


export interface ListUploadsRequest {
  'partitionId'?: (string);
  'account'?: (string);
  'container'?: (string);
  'prefix'?: (string);
  'delimiter'?: (string);
  'keyMarker'?: (string);
  'uploadIdMarker'?: (string);
  'keyMarkerIsPrefix'?: (boolean);
  'maxResults'?: (number);
}

export interface ListUploadsRequest__Output {
  'partitionId': (string);
  'account': (string);
  'container': (string);
  'prefix': (string);
  'delimiter': (string);
  'keyMarker': (string);
  'uploadIdMarker': (string);
  'keyMarkerIsPrefix': (boolean);
  'maxResults': (number);
}
