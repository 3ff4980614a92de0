// Original file: strata/stream/v1/extent_node.proto


export interface GetReplicaInfoRequest {
  'extentId'?: (string);
  'freeze'?: (boolean);
}

export interface GetReplicaInfoRequest__Output {
  'extentId': (string);
  'freeze': (boolean);
}
