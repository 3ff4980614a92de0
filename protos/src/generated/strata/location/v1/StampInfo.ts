// Original file: strata/location/v1/location_service.proto


export interface StampInfo {
  'stampId'?: (string);
  'frontEndEndpoints'?: (string)[];
}

export interface StampInfo__Output {
  'stampId': (string);
  'frontEndEndpoints': (string)[];
}
