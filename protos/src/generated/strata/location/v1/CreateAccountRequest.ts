// Original file: strata/location/v1/location_service.proto


export interface CreateAccountRequest {
  'name'?: (string);
  'stampId'?: (string);
  'requestToken'?: (string);
}

export interface CreateAccountRequest__Output {
  'name': (string);
  'stampId': (string);
  'requestToken': (string);
}
