// Original file: strata/stream/v1/extent_node.proto


export interface ListReplicasRequest {
}

export interface ListReplicasRequest__Output {
}
