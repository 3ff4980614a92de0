// Original file: strata/stream/v1/extent_node.proto


export interface CreateExtentResponse {
}

export interface CreateExtentResponse__Output {
}
