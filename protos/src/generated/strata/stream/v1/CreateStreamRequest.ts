// Original file: strata/stream/v1/stream_manager.proto


export interface CreateStreamRequest {
  'name'?: (string);
  'extentIds'?: (string)[];
}

export interface CreateStreamRequest__Output {
  'name': (string);
  'extentIds': (string)[];
}
