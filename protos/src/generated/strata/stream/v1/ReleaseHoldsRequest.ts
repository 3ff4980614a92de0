// Original file: strata/stream/v1/stream_manager.proto


export interface ReleaseHoldsRequest {
  'holder'?: (string);
  'extentIds'?: (string)[];
}

export interface ReleaseHoldsRequest__Output {
  'holder': (string);
  'extentIds': (string)[];
}
