// Original file: strata/partition/v1/partition_server.proto


export interface ListBlobVersionsRequest {
  'partitionId'?: (string);
  'account'?: (string);
  'container'?: (string);
  'prefix'?: (string);
  'delimiter'?: (string);
  'keyMarker'?: (string);
  'versionIdMarker'?: (string);
  'keyMarkerIsPrefix'?: (boolean);
  'maxResults'?: (number);
}

export interface ListBlobVersionsRequest__Output {
  'partitionId': (string);
  'account': (string);
  'container': (string);
  'prefix': (string);
  'delimiter': (string);
  'keyMarker': (string);
  'versionIdMarker': (string);
  'keyMarkerIsPrefix': (boolean);
  'maxResults': (number);
}
