// Original file: strata/partition/v1/partition_manager.proto


export interface GetPartitionMapRequest {
}

export interface GetPartitionMapRequest__Output {
}
