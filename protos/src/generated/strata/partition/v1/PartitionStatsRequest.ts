// Original file: strata/partition/v1/partition_server.proto


export interface PartitionStatsRequest {
}

export interface PartitionStatsRequest__Output {
}
