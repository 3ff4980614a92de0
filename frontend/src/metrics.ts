import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BlobCache } from './cache/blob-cache.js';
import type { RecordCache } from './cache/record-cache.js';

/** Request durations worth telling apart, from a cached HEAD to a large GET. */
const DURATION_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * A front-end's request metrics, served in Prometheus text format at `/_strata/metrics`:
 * what an operator (or a test counting origin reads behind a CDN) watches. One registry per
 * front-end instance, so several in one process (tests) keep their own counts.
 */
export class FrontEndMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'strata_s3_requests_total',
    help: 'S3 requests answered, by operation (S3 name) and HTTP status.',
    labelNames: ['operation', 'status'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'strata_s3_request_duration_seconds',
    help: 'Time from request to the end of the answer, by operation.',
    labelNames: ['operation'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  /** Exposes the hot-blob and record caches' counters and sizes (read when scraped). */
  watch(blobs: BlobCache, records: RecordCache): void {
    for (const [name, help, read] of [
      ['strata_blob_cache_hits_total', 'GETs of hot blobs served from memory.', () => blobs.stats.hits],
      ['strata_blob_cache_misses_total', 'GETs of cacheable blobs that read the extent nodes.', () => blobs.stats.misses],
      ['strata_blob_cache_coalesced_total', 'GETs that shared a read already under way for the same blob.', () => blobs.stats.coalesced],
      [
        'strata_record_cache_hits_total',
        'GETs and HEADs answered from a leased copy of the blob record, without the partition layer.',
        () => records.stats.hits,
      ],
      ['strata_record_cache_misses_total', 'GETs and HEADs that asked the partition layer for the record.', () => records.stats.misses],
      ['strata_record_cache_leases_total', 'Read leases the partition servers granted this front-end.', () => records.stats.leases],
    ] as const) {
      // A counter kept by the cache, copied when scraped: counts only grow, as Prometheus expects of a _total.
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect: function (this: Counter) {
          this.reset();
          this.inc(read());
        },
      });
    }
    for (const [name, help, read] of [
      ['strata_blob_cache_bytes', 'Bytes of hot blobs held in memory.', () => blobs.bytes],
      ['strata_record_cache_bytes', 'Bytes of leased blob records held (inline bytes and overhead).', () => records.bytes],
    ] as const) {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect: function (this: Gauge) {
          this.set(read());
        },
      });
    }
  }

  /** Counts one answered request. `operation` is S3's name (GetObject), or Unknown when none was chosen. */
  record(operation: string, status: number, seconds: number): void {
    this.requests.inc({ operation, status: String(status) });
    this.durations.observe({ operation }, seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
