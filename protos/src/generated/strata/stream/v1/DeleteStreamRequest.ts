// Original file: strata/stream/v1/stream_manager.proto


export interface DeleteStreamRequest {
  'streamId'?: (string);
}

export interface DeleteStreamRequest__Output {
  'streamId': (string);
}
