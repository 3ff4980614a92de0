// Original file: strata/partition/v1/partition_server.proto

import type { BlobVersion as _strata_partition_v1_BlobVersion, BlobVersion__Output as _strata_partition_v1_BlobVersion__Output } from '../../../strata/partition/v1/BlobVersion.js';

export interface VersionEntry {
  'version'?: (_strata_partition_v1_BlobVersion | null);
  'commonPrefix'?: (string);
  'entry'?: "version"|"commonPrefix";
}

export interface VersionEntry__Output {
  'version'?: (_strata_partition_v1_BlobVersion__Output | null);
  'commonPrefix'?: (string);
  'entry'?: "version"|"commonPrefix";
}
