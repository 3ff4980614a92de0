// Original file: strata/stream/v1/stream_manager.proto


export interface ListStreamsRequest {
}

export interface ListStreamsRequest__Output {
}
