// Original file: strata/location/v1/location_service.proto


export interface AccessKey {
  'accessKeyId'?: (string);
  'secretAccessKey'?: (string);
}

export interface AccessKey__Output {
  'accessKeyId': (string);
  'secretAccessKey': (string);
}
