// Original file: strata/stream/v1/stream_manager.proto


export interface GetStreamRequest {
  'streamId'?: (string);
}

export interface GetStreamRequest__Output {
  'streamId': (string);
}
