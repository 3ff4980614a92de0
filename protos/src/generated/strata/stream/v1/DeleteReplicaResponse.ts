// Original file: strata/stream/v1/extent_node.proto


export interface DeleteReplicaResponse {
}

export interface DeleteReplicaResponse__Output {
}
