// Original file: strata/stream/v1/extent.proto


export interface Block {
  'data'?: (Buffer | Uint8Array | string);
  'crc32c'?: (number);
}

export interface Block__Output {
  'data': (Buffer);
  'crc32c': (number);
}
