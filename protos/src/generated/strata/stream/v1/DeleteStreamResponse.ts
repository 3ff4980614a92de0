// Original file: strata/stream/v1/stream_manager.proto


export interface DeleteStreamResponse {
}

export interface DeleteStreamResponse__Output {
}
