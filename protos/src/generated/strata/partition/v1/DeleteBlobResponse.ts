// Original file: strata/partition/v1/partition_server.proto


export interface DeleteBlobResponse {
  'existed'?: (boolean);
  'versionId'?: (string);
  'deleteMarker'?: (boolean);
}

export interface DeleteBlobResponse__Output {
  'existed': (boolean);
  'versionId': (string);
  'deleteMarker': (boolean);
}
