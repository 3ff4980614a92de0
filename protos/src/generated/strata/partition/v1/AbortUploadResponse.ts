// Original file: strata/partition/v1/partition_server.proto


export interface AbortUploadResponse {
}

export interface AbortUploadResponse__Output {
}
