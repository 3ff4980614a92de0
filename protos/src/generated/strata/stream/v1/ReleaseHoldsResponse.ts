// Original file: strata/stream/v1/stream_manager.proto


export interface ReleaseHoldsResponse {
}

export interface ReleaseHoldsResponse__Output {
}
