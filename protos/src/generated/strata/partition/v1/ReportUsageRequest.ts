// Original file: strata/partition/v1/partition_server.proto


export interface ReportUsageRequest {
  'partitionId'?: (string);
}

export interface ReportUsageRequest__Output {
  'partitionId': (string);
}
