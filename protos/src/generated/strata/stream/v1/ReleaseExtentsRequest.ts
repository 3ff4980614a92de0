// Original file: strata/stream/v1/stream_manager.proto


export interface ReleaseExtentsRequest {
  'streamId'?: (string);
  'extentIds'?: (string)[];
}

export interface ReleaseExtentsRequest__Output {
  'streamId': (string);
  'extentIds': (string)[];
}
