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

/** A partition server re-reads the partition map from etcd this often, whatever its watch says. */
export const MAP_CONFIRM_INTERVAL_MS = 500;

/** A partition server serves only while its last confirmed read of the map began less than this
 * long ago: it cannot have missed its partition's move to another server for longer. */
export const MAP_FRESH_MS = 3_000;

/** A partition's new owner waits this much beyond MAP_FRESH_MS before serving, for the two
 * servers' clocks running at slightly different rates and a read that is checked then served. */
export const HANDOVER_MARGIN_MS = 500;

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
/** Records a compaction rewrites per commit-log record: bounds the record (and the lock hold). */
export const COMPACTION_RECORDS_PER_COMMIT_MAX = 256;

/** Encoded record bytes a compaction commits at once: well under LOG_BLOCK_BYTES_MAX. */
export const COMPACTION_COMMIT_BYTES_MAX = 256 * 1024;

/** Rewrite appends one compaction keeps in flight: the rest of the data stream's pipeline stays free for uploads. */
export const COMPACTION_APPENDS_IN_FLIGHT_MAX = 2;

/**
 * Bytes a compaction reads with one call, paced as one take of its rate limit: small, so its
 * bursts (a read and its appends at full speed, then a wait) are short and uploads sharing the
 * data stream's pipeline and the CPU wait behind at most this much.
 */
export const COMPACTION_READ_BYTES_MAX = 2 * 1024 * 1024;

/** Rewrite passes per compaction: a later pass catches records that pointed into the extents meanwhile (a copy). */
export const COMPACTION_PASSES_MAX = 3;

/** Bytes one compaction call rewrites at most: bounds the call, and how long a split waits for it; the next round goes on. */
export const COMPACTION_BYTES_PER_CALL_MAX = 1024 * 1024 * 1024;

/** Deadline of the manager's CompactPartition call: the byte cap at a slow rate limit, with room. */
export const COMPACTION_CALL_TIMEOUT_MS = 30 * 60_000;

/** Deadline of a ReportUsage call: a scan of every partition of a server. */
export const USAGE_CALL_TIMEOUT_MS = 120_000;

/** Compactions a collection round runs at once (each server also limits its rewrite rate). */
export const GC_COMPACTIONS_IN_FLIGHT_MAX = 4;

/** An open data extent is sealed to be compacted only once it holds this much: sealing small ones only makes many extents. */
export const GC_OPEN_EXTENT_BYTES_MIN = 16 * 1024 * 1024;

/**
 * A partition drops a hold its index no longer needs only once the hold is this old: a copy
 * takes its hold just before its record commits, so a younger hold may be for a record in flight.
 */
export const HOLD_RECONCILE_GRACE_MS = 10 * 60_000;

/** Holds of partitions that left the map are dropped once this old (a split in flight holds for children not in the map yet). */
export const ORPHAN_HOLD_GRACE_MS = 10 * 60_000;

/** Default pace of a partition server's compactions, MiB/s: a fraction of what one server's disks take, so foreground traffic keeps most. */
export const GC_MIB_PER_SECOND_DEFAULT = 32;

/**
 * Default live ratio below which an extent is compacted: every data extent kept is at least
 * 70% live, so data extents hold at most ~1.4× their live bytes, while a compaction copies at
 * most 2.3 bytes per byte it frees (0.7 / 0.3).
 */
export const GC_LIVE_RATIO_MIN_DEFAULT = 0.7;

/**
 * Blobs up to this size live inside their commit record (BlobRecord.inline_data): a PUT is one
 * chain append (group-committed with its neighbours) instead of a data append and a log
 * append, and a GET reads no extent. Larger ones go to the data stream in blocks. Chosen by
 * measurement (bench/PROFILE.md): index entries stay small, and a checkpoint of a partition
 * full of such blobs stays a fraction of its data.
 */
export const INLINE_BLOB_BYTES_MAX = 64 * 1024;

/** A compaction stops (releasing nothing more) once its server's lease is sure for less than this. */
export const GC_LEASE_MARGIN_MS = 2_000;

/** How long a count of a partition's entries is reused for its stats. */
export const STATS_TTL_MS = 5_000;

/** How long a split, merge or move waits for accepted uploads to commit before freezing anyway. */
export const UPLOAD_DRAIN_MS = 10_000;

/** S3's limits on tags: per object, per bucket, and a key's and a value's length in UTF-16 code units. */
export const BLOB_TAGS_MAX = 10;
export const CONTAINER_TAGS_MAX = 50;
export const TAG_KEY_CHARS_MAX = 128;
export const TAG_VALUE_CHARS_MAX = 256;
