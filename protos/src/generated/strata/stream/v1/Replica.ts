// Original file: strata/stream/v1/extent.proto


export interface Replica {
  'nodeId'?: (string);
  'address'?: (string);
  'healthy'?: (boolean);
}

export interface Replica__Output {
  'nodeId': (string);
  'address': (string);
  'healthy': (boolean);
}
