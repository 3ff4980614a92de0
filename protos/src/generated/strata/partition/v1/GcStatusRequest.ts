// Original file: strata/partition/v1/partition_manager.proto


export interface GcStatusRequest {
}

export interface GcStatusRequest__Output {
}
