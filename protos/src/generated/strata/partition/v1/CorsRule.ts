// Original file: strata/partition/v1/records.proto


export interface CorsRule {
  'id'?: (string);
  'allowedOrigins'?: (string)[];
  'allowedMethods'?: (string)[];
  'allowedHeaders'?: (string)[];
  'exposeHeaders'?: (string)[];
  'maxAgeSeconds'?: (number);
}

export interface CorsRule__Output {
  'id': (string);
  'allowedOrigins': (string)[];
  'allowedMethods': (string)[];
  'allowedHeaders': (string)[];
  'exposeHeaders': (string)[];
  'maxAgeSeconds': (number);
}
