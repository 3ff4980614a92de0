// Original file: strata/location/v1/location_service.proto


export interface GetAccountRequest {
  'name'?: (string);
}

export interface GetAccountRequest__Output {
  'name': (string);
}
