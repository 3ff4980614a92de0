// Original file: strata/stream/v1/stream_manager.proto


export interface SealExtentRequest {
  'streamId'?: (string);
  'extentId'?: (string);
}

export interface SealExtentRequest__Output {
  'streamId': (string);
  'extentId': (string);
}
