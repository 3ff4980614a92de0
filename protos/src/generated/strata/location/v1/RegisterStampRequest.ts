// Original file: strata/location/v1/location_service.proto


export interface RegisterStampRequest {
  'stampId'?: (string);
  'frontEndEndpoints'?: (string)[];
}

export interface RegisterStampRequest__Output {
  'stampId': (string);
  'frontEndEndpoints': (string)[];
}
