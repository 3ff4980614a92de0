// Original file: strata/partition/v1/records.proto

import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from '../../../strata/partition/v1/BlobProperties.js';
import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from '../../../strata/stream/v1/BlockPointer.js';
import type { MultipartSummary as _strata_partition_v1_MultipartSummary, MultipartSummary__Output as _strata_partition_v1_MultipartSummary__Output } from '../../../strata/partition/v1/MultipartSummary.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from '../../../strata/partition/v1/Tag.js';
import type { Long } from '@grpc/proto-loader';

export interface BlobRecord {
  'sizeBytes'?: (number | string | Long);
  'etag'?: (string);
  'lastModifiedMs'?: (number | string | Long);
  'properties'?: (_strata_partition_v1_BlobProperties | null);
  'blocks'?: (_strata_stream_v1_BlockPointer)[];
  'checksumAlgorithm'?: (string);
  'checksumValue'?: (string);
  'multipart'?: (_strata_partition_v1_MultipartSummary | null);
  'inlineData'?: (Buffer | Uint8Array | string);
  'tags'?: (_strata_partition_v1_Tag)[];
  'versionId'?: (string);
  'deleteMarker'?: (boolean);
  'versionOrder'?: (number | string | Long);
  'nullVersionKey'?: (string);
}

export interface BlobRecord__Output {
  'sizeBytes': (number);
  'etag': (string);
  'lastModifiedMs': (number);
  'properties': (_strata_partition_v1_BlobProperties__Output | null);
  'blocks': (_strata_stream_v1_BlockPointer__Output)[];
  'checksumAlgorithm': (string);
  'checksumValue': (string);
  'multipart': (_strata_partition_v1_MultipartSummary__Output | null);
  'inlineData': (Buffer);
  'tags': (_strata_partition_v1_Tag__Output)[];
  'versionId': (string);
  'deleteMarker': (boolean);
  'versionOrder': (number);
  'nullVersionKey': (string);
}
