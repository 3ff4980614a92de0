/** Largest page of a listing (S3's max-keys cap). */
export const LIST_RESULTS_MAX = 1000;

/** Log appends a partition keeps in flight; records arriving meanwhile are batched into the next block. */
export const LOG_APPENDS_IN_FLIGHT_MAX = 4;

/** Largest commit-log block: a batch stops growing here. */
export const LOG_BLOCK_BYTES_MAX = 1024 * 1024;

/** Blob-data appends one upload keeps in flight: bounds an upload's memory to this many blocks. */
export const UPLOAD_APPENDS_IN_FLIGHT_MAX = 8;

/** Largest blob name, in UTF-8 bytes (S3's key limit). */
export const BLOB_NAME_BYTES_MAX = 1024;

/** Lease of a partition server's registration: how long a dead server keeps its partitions. */
export const SERVER_LEASE_TTL_SECONDS = 5;

/** Lease behind the partition manager's leadership. */
export const MANAGER_LEASE_TTL_SECONDS = 5;

/** Deadline of a front-end's call to a partition server (not counting blob bytes). */
export const PARTITION_CALL_TIMEOUT_MS = 30_000;

/** Times a front-end retries a call that met a moved or loading partition. */
export const ROUTE_RETRIES_MAX = 8;

/** A checkpoint is written once this many records were applied since the last one: it bounds
 * the log a load replays (the paper checkpoints on log size). */
export const CHECKPOINT_RECORDS_MAX = 20_000;

/** A partition with any new record is checkpointed at least this often. */
export const CHECKPOINT_INTERVAL_MS = 60_000;

/** Checkpoint entries are packed into blocks of about this size. */
export const CHECKPOINT_BLOCK_BYTES = 1024 * 1024;

/** S3's smallest part: every part of a completed upload but the last must hold this much. */
export const PART_BYTES_MIN = 5 * 1024 * 1024;

/** S3's part numbers run from 1 to this. */
export const PART_NUMBER_MAX = 10_000;

/** Most block pointers one blob record holds: its log record must fit in one log block
 * (about 40 bytes a pointer, under BLOCK_DATA_BYTES_MAX); 50,000 blocks of 1 MiB is 48 GiB. */
export const BLOB_BLOCKS_MAX = 50_000;

/** Open uploads one partition keeps (their keys are also held in memory for listing). */
export const OPEN_UPLOADS_MAX = 100_000;

/** Largest page of ListParts and ListMultipartUploads (S3's max-parts and max-uploads cap). */
export const UPLOAD_LIST_RESULTS_MAX = 1000;

/** Default age after which an incomplete upload is removed with its parts (S3 lifecycle rules
 * commonly use 7 days). */
export const UPLOAD_EXPIRY_MS_DEFAULT = 7 * 24 * 3600 * 1000;

/** How long a completed upload's tombstone answers a retried CompleteMultipartUpload (a client
 * retries within seconds; its record is small). */
export const COMPLETED_UPLOAD_KEPT_MS = 15 * 60 * 1000;

/** Longest pause between two sweeps for expired uploads. */
export const UPLOAD_SWEEP_INTERVAL_MAX_MS = 10 * 60 * 1000;
