// Original file: strata/stream/v1/extent_node.proto


export interface DeleteReplicaRequest {
  'extentId'?: (string);
}

export interface DeleteReplicaRequest__Output {
  'extentId': (string);
}
