// Original file: strata/partition/v1/partition_server.proto


export interface UploadRequest {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'uploadId'?: (string);
}

export interface UploadRequest__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'uploadId': (string);
}
