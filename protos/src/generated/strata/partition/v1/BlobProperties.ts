// Original file: strata/partition/v1/records.proto


export interface BlobProperties {
  'contentType'?: (string);
  'contentEncoding'?: (string);
  'contentDisposition'?: (string);
  'contentLanguage'?: (string);
  'cacheControl'?: (string);
  'expires'?: (string);
  'userMetadata'?: ({[key: string]: string});
}

export interface BlobProperties__Output {
  'contentType': (string);
  'contentEncoding': (string);
  'contentDisposition': (string);
  'contentLanguage': (string);
  'cacheControl': (string);
  'expires': (string);
  'userMetadata': ({[key: string]: string});
}
