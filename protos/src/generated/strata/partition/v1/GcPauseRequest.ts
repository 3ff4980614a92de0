// Original file: strata/partition/v1/partition_manager.proto


export interface GcPauseRequest {
  'paused'?: (boolean);
}

export interface GcPauseRequest__Output {
  'paused': (boolean);
}
