// Original file: strata/stream/v1/extent.proto


export interface Replica {
  'nodeId'?: (string);
  'address'?: (string);
  'healthy'?: (boolean);
  'dataAddress'?: (string);
}

export interface Replica__Output {
  'nodeId': (string);
  'address': (string);
  'healthy': (boolean);
  'dataAddress': (string);
}
