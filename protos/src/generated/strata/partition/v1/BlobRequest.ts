// Original file: strata/partition/v1/partition_server.proto


export interface BlobRequest {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'cacheLease'?: (boolean);
  'versionId'?: (string);
  'versioning'?: (string);
  'withDeleteMarkers'?: (boolean);
}

export interface BlobRequest__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'cacheLease': (boolean);
  'versionId': (string);
  'versioning': (string);
  'withDeleteMarkers': (boolean);
}
