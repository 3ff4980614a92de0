// Original file: strata/location/v1/location_service.proto


export interface ListStampsRequest {
}

export interface ListStampsRequest__Output {
}
