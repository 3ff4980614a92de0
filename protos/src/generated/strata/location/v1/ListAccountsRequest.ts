// Original file: strata/location/v1/location_service.proto


export interface ListAccountsRequest {
}

export interface ListAccountsRequest__Output {
}
