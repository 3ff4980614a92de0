// Original file: strata/partition/v1/partition_manager.proto


export interface GcRunRequest {
}

export interface GcRunRequest__Output {
}
