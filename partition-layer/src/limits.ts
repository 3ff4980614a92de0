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
