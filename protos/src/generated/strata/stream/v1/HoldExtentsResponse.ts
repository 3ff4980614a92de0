// Original file: strata/stream/v1/stream_manager.proto


export interface HoldExtentsResponse {
}

export interface HoldExtentsResponse__Output {
}
