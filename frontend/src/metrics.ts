import { Counter, Histogram, Registry } from 'prom-client';

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
