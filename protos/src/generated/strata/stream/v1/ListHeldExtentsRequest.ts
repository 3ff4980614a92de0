// Original file: strata/stream/v1/stream_manager.proto


export interface ListHeldExtentsRequest {
  'holder'?: (string);
}

export interface ListHeldExtentsRequest__Output {
  'holder': (string);
}
