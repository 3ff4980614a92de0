// Original file: strata/stream/v1/stream_manager.proto


export interface HoldExtentsRequest {
  'holder'?: (string);
  'extentIds'?: (string)[];
}

export interface HoldExtentsRequest__Output {
  'holder': (string);
  'extentIds': (string)[];
}
