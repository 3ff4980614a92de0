// Original file: strata/partition/v1/records.proto


export interface IndexMutation {
  'key'?: (Buffer | Uint8Array | string);
  'value'?: (Buffer | Uint8Array | string);
  'delete'?: (boolean);
  'deleteRangeEnd'?: (Buffer | Uint8Array | string);
}

export interface IndexMutation__Output {
  'key': (Buffer);
  'value': (Buffer);
  'delete': (boolean);
  'deleteRangeEnd': (Buffer);
}
