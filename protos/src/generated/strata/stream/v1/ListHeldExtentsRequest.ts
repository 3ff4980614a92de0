// Original file: strata/stream/v1/stream_manager.proto


export interface ListHeldExtentsRequest {
}

export interface ListHeldExtentsRequest__Output {
}
