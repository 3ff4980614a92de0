// Original file: strata/partition/v1/records.proto


export interface Tag {
  'key'?: (string);
  'value'?: (string);
}

export interface Tag__Output {
  'key': (string);
  'value': (string);
}
