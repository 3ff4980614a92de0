// Original file: strata/partition/v1/partition_server.proto


export interface DeleteContainerResponse {
}

export interface DeleteContainerResponse__Output {
}
