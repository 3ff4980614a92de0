// Original file: strata/stream/v1/stream_manager.proto


export interface CreateStreamRequest {
  'name'?: (string);
}

export interface CreateStreamRequest__Output {
  'name': (string);
}
