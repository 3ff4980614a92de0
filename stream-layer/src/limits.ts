import { assert } from '@strata/common';

/** Bytes of the header in front of every block on disk (see extent-node/block-format.ts). */
export const BLOCK_HEADER_BYTES = 16;

/** Largest block payload: a block is the unit of checksum and of read, so a range read of a
 * blob reads at most this much more than it needs. */
export const BLOCK_DATA_BYTES_MAX = 4 * 1024 * 1024;

/** Blob data is cut into blocks of this size: big enough to keep per-block costs (one gRPC
 * message, one CRC, one pointer in the index) small, small enough for cheap range reads. */
export const BLOB_BLOCK_BYTES = 1024 * 1024;

/** Largest single append (all its blocks): bounds what a replica buffers per append. */
export const APPEND_BYTES_MAX = 8 * 1024 * 1024;

/** Extents are sealed and a new one started once they reach this size, so that repair copies
 * and scrubs stay bounded. The paper uses 1 GB; a small machine prefers smaller. */
export const EXTENT_BYTES_MAX = 256 * 1024 * 1024;

/** Appends a writer keeps in flight on one stream before waiting: enough to fill the chain's
 * pipeline (3 hops, each with a write and an fdatasync), bounded to cap memory. */
export const APPENDS_IN_FLIGHT_MAX = 16;

/** Appends a replica accepts before it stops reading from its upstream (backpressure). */
export const REPLICA_APPENDS_QUEUED_MAX = 64;

/** Replicas per extent unless configured otherwise. */
export const REPLICA_COUNT_DEFAULT = 3;

/** Deadline of the stream manager's calls to extent nodes (create, info, seal). */
export const NODE_CONTROL_TIMEOUT_MS = 5_000;

/** Deadline of a writer's or reader's call to the stream manager. */
export const MANAGER_CALL_TIMEOUT_MS = 15_000;

/** An append not acknowledged within this time fails, and the writer seals and moves on. */
export const APPEND_TIMEOUT_MS = 10_000;

/** Deadline of a ReadBlocks call, per MiB read plus a base. */
export const READ_TIMEOUT_BASE_MS = 10_000;

/** Times a writer seals and retries its unacknowledged appends before giving up. */
export const APPEND_RETRIES_MAX = 5;

/** How often an extent node measures its free space (and at once after a write failed). */
export const CAPACITY_CHECK_INTERVAL_MS = 2_000;

/** Lease of an extent node's registration: how long a dead node looks alive. */
export const NODE_LEASE_TTL_SECONDS = 5;

/** Lease behind the stream manager's leadership. */
export const MANAGER_LEASE_TTL_SECONDS = 5;

assert(BLOB_BLOCK_BYTES <= BLOCK_DATA_BYTES_MAX, 'blob blocks must fit in a block');
assert(BLOCK_DATA_BYTES_MAX + BLOCK_HEADER_BYTES <= APPEND_BYTES_MAX, 'a maximal block must fit in one append');
assert(APPEND_BYTES_MAX < EXTENT_BYTES_MAX, 'an append must fit in an extent');
