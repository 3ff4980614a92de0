/**
 * The location service's limits and defaults, each with its reason. Relations between them are
 * asserted at the bottom.
 */
import { assert } from '@strata/common';

/** TTL of DNS answers unless configured: short, so deletions and front-end changes reach clients within a minute (README: "DNS TTL"). */
export const DNS_TTL_SECONDS_DEFAULT = 30;
/** The longest TTL accepted: a day; longer would pin clients to stale stamps. */
export const DNS_TTL_SECONDS_MAX = 86_400;
/** A UDP answer to a client without EDNS is at most this (RFC 1035); longer ones are truncated (TC) so it asks over TCP. */
export const DNS_UDP_PAYLOAD_BYTES_MIN = 512;
/** The most we send over UDP to an EDNS client whatever it offers: no IP fragmentation (DNS flag day 2020). */
export const DNS_UDP_PAYLOAD_BYTES_MAX = 1232;
/** A DNS message over TCP longer than this is not a query we answer: one question and an OPT record fit many times over. */
export const DNS_TCP_MESSAGE_BYTES_MAX = 4096;
/** A TCP DNS connection idle this long is closed (RFC 7766 suggests seconds, not minutes). */
export const DNS_TCP_IDLE_MS = 10_000;
/** TCP DNS connections at once: a flood of idle connections cannot exhaust the process. */
export const DNS_TCP_CONNECTIONS_MAX = 256;
/** Addresses in one A or AAAA answer: keeps it well under the 512-byte UDP answer. */
export const DNS_ADDRESSES_MAX = 16;

/** Lease of the leader election, in seconds: a killed leader is replaced in about this long. */
export const LEADER_LEASE_TTL_SECONDS = 3;
/** A stamp that has not reported for this long takes no new accounts (it may be down or cut off). */
export const STAMP_REPORT_STALE_MS = 60_000;
/** How often a stamp reports its front-ends, capacity and use unless configured. */
export const STAMP_REPORT_INTERVAL_MS_DEFAULT = 10_000;
/** Utilisation above which a stamp takes no new accounts unless configured: room to grow for the accounts it has. */
export const UTILISATION_MAX_DEFAULT = 0.8;
/**
 * Stamps whose utilisation lies in the same band of this width count as equally used, and the
 * one with fewer accounts wins: a burst of creations between two reports then spreads instead
 * of all landing on the stamp that is emptier by a hair.
 */
export const UTILISATION_BAND = 0.05;

/** Admin API request bodies hold a name, a stamp id and a token. */
export const ADMIN_BODY_BYTES_MAX = 16 * 1024;
/** A creation request token: long enough to be unique, short enough to keep in the record. */
export const REQUEST_TOKEN_CHARS_MAX = 128;
/** Blob deletions in flight while `delete --force` erases an account's data. */
export const ERASE_DELETES_IN_FLIGHT = 8;
/** How long an erase waits for the stamp's front-ends to serve the deletion key (an etcd watch away). */
export const ERASE_KEY_PROPAGATION_MS = 15_000;
/** A call forwarded from a standby to the leader; erasing a large account takes long. */
export const FORWARD_TIMEOUT_MS = 600_000;
/** A gRPC call to the location service. */
export const LOCATION_CALL_TIMEOUT_MS = 10_000;

assert(DNS_UDP_PAYLOAD_BYTES_MIN <= DNS_UDP_PAYLOAD_BYTES_MAX, 'the EDNS payload cap is at least the classic one');
assert(DNS_TTL_SECONDS_DEFAULT <= DNS_TTL_SECONDS_MAX, 'the default TTL is allowed');
assert(STAMP_REPORT_INTERVAL_MS_DEFAULT * 3 <= STAMP_REPORT_STALE_MS, 'a stamp goes stale only after missing several reports');
