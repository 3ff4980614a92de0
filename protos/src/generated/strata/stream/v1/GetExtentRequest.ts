// Original file: strata/stream/v1/stream_manager.proto


export interface GetExtentRequest {
  'extentId'?: (string);
}

export interface GetExtentRequest__Output {
  'extentId': (string);
}
