// Original file: strata/partition/v1/records.proto


export interface CheckpointEntry {
  'key'?: (Buffer | Uint8Array | string);
  'value'?: (Buffer | Uint8Array | string);
}

export interface CheckpointEntry__Output {
  'key': (Buffer);
  'value': (Buffer);
}
