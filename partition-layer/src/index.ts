/**
 * The partition layer's public surface: what front-ends use to reach the object index.
 * Everything else in this package is internal to the layer.
 */
export { PartitionClient, type ListBlobsOptions, type ListBlobVersionsOptions } from './client/partition-client.js';
export { PartitionMap, type Located } from './client/partition-map.js';
export { MultipartClient, type ListUploadsOptions, type PartSegment, type UploadPartOptions } from './client/multipart-client.js';
export { PartitionManagerClient } from './client/partition-manager-client.js';
export { PARTITION_ERROR_CODES, PARTITION_ERROR_STATUS, PartitionError, type PartitionErrorCode } from './errors.js';
export { LIST_RESULTS_MAX, BLOB_NAME_BYTES_MAX, PART_NUMBER_MAX, UPLOAD_LIST_RESULTS_MAX, GC_LIVE_RATIO_MIN_DEFAULT, INLINE_BLOB_BYTES_MAX } from './limits.js';
export { BLOB_TAGS_MAX, CONTAINER_TAGS_MAX, TAG_KEY_CHARS_MAX, TAG_VALUE_CHARS_MAX } from './limits.js';
export { readSpace } from './gc/read-space.js';
export type { ExtentSpace, ExtentKind, StampSpace } from './gc/space-accounting.js';
