import type { Clock } from '@strata/common';
import type { PartitionClient } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';

/**
 * A lease is counted from when its request was sent, shortened by this share: the partition
 * server counts it from later (when it granted it), and two clocks may run at slightly
 * different rates. Whatever the share, the copy ends before the server's lease does.
 */
const LEASE_SHARE = 0.9;
/** What an entry costs beyond its inline bytes (names, pointers, extents), for the byte bound. */
const ENTRY_OVERHEAD_BYTES = 1024;

interface Entry {
  info: partitionV1.BlobInfo__Output;
  /** Monotonic: the copy answers GETs until then. */
  expiresMs: number;
  bytes: number;
}

/**
 * The front-end's copies of hot blob records, each under a read lease of the partition server
 * (partition-layer/src/partition-server/cache-leases/). A GET of a blob held here is answered
 * without asking the partition layer; a small blob's bytes come with its record, so a hot
 * small blob costs no call below the front-end at all. The server commits no write of a key
 * while a lease on it is live, and an entry ends before its lease, so an answer from here is
 * never older than the last acknowledged write: the consistency of asking the index each time.
 */
export class RecordCache {
  private readonly entries = new Map<string, Entry>();
  private heldBytes = 0;
  /** Counters since start, for the front-end's metrics. */
  readonly stats = { hits: 0, misses: 0, leases: 0 };

  constructor(private readonly deps: { partitions: PartitionClient; clock: Clock; capacityBytes: number }) {}

  /**
   * The blob's current record (and extents): a live copy, else the partition server's, kept if
   * it came with a lease. A current delete marker is answered too (GET and HEAD turn it into
   * 404 with `x-amz-delete-marker`), so every copy is one thing: the key's current record.
   */
  async get(blob: { account: string; container: string; blob: string }, requestId: string): Promise<partitionV1.BlobInfo__Output> {
    const request = { ...blob, withDeleteMarkers: true };
    if (this.deps.capacityBytes <= 0) return this.deps.partitions.getBlob(request, requestId);
    const key = `${request.account}\0${request.container}\0${request.blob}`;
    const entry = this.entries.get(key);
    const sentMs = this.deps.clock.monotonicMs();
    if (entry) {
      if (sentMs < entry.expiresMs) {
        this.stats.hits++;
        return entry.info;
      }
      this.drop(key, entry);
    }
    this.stats.misses++;
    const info = await this.deps.partitions.getBlob({ ...request, cacheLease: true }, requestId);
    const expiresMs = sentMs + info.cacheLeaseMs * LEASE_SHARE;
    if (info.cacheLeaseMs > 0 && this.deps.clock.monotonicMs() < expiresMs) this.keep(key, { info, expiresMs, bytes: sizeOf(info) });
    return info;
  }

  private keep(key: string, entry: Entry): void {
    if (entry.bytes > this.deps.capacityBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.drop(key, previous);
    this.stats.leases++;
    this.entries.set(key, entry);
    this.heldBytes += entry.bytes;
    // Oldest lease first out: Map keeps insertion order, and a renewed lease is inserted anew.
    for (const [oldest, held] of this.entries) {
      if (this.heldBytes <= this.deps.capacityBytes) break;
      this.drop(oldest, held);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.heldBytes;
  }
}

function sizeOf(info: partitionV1.BlobInfo__Output): number {
  return ENTRY_OVERHEAD_BYTES + (info.record?.inlineData?.length ?? 0);
}
