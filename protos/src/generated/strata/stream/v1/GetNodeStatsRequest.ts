// Original file: strata/stream/v1/extent_node.proto


export interface GetNodeStatsRequest {
}

export interface GetNodeStatsRequest__Output {
}
