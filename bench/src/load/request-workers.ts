import { Pool } from 'undici';
import { MIB, summarize, type LatencySummary } from './stats.js';

/** Error messages kept per phase: enough to see what failed, not a flood. */
const ERRORS_KEPT = 5;
/** An answer that takes longer than this is a failure, not a latency sample. */
const REQUEST_TIMEOUT_MS = 120_000;

/** What every phase reports of its run, whatever its requests were. */
export interface RunFigures {
  concurrency: number;
  planned: number;
  completed: number;
  elapsedMs: number;
  opsPerSec: number;
  mibPerSec: number;
  latencyMs: LatencySummary;
  errorCount: number;
  /** The first few failures, each with what the request was. */
  errors: string[];
  /** Whether the deadline (or the signal) stopped the run before every request was sent. */
  cutByDeadline: boolean;
}

/** What a run of requests measured: the figures, and request by request. */
export interface RequestsRun {
  figures: RunFigures;
  /** Milliseconds from send to the headers of each request. */
  ttfb: Float64Array;
  /** Which requests were answered and passed their checks. */
  done: boolean[];
}

/** Where and how a phase sends: what both kinds of phase spec have. */
interface RunSpec {
  origin: string;
  concurrency: number;
  deadlineMs: number;
  signal?: AbortSignal;
  payload: { sizeBytes: number };
}

/**
 * Sends `count` requests to `options.origin` over `concurrency` keep-alive connections, each worker taking the next
 * request as soon as its last is answered, until all are sent, the deadline passes or `signal`
 * aborts. `send` makes request `index` and checks its answer (throwing what is wrong), calling
 * `onHeaders` when the headers arrive; `describe` names a request in an error line.
 */
export async function runRequests(
  options: RunSpec,
  count: number,
  send: (pool: Pool, index: number, onHeaders: () => void) => Promise<void>,
  describe: (index: number) => string,
): Promise<RequestsRun> {
  const latency = new Float64Array(count);
  const ttfb = new Float64Array(count);
  const done = new Array<boolean>(count).fill(false);
  const errors: string[] = [];
  let errorCount = 0;
  let next = 0;
  const pool = new Pool(options.origin, {
    connections: options.concurrency,
    pipelining: 1,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  const started = performance.now();
  const stopAt = started + options.deadlineMs;
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < stopAt && !options.signal?.aborted) {
      const index = next++;
      const sent = performance.now();
      try {
        await send(pool, index, () => (ttfb[index] = performance.now() - sent));
        latency[index] = performance.now() - sent;
        done[index] = true;
      } catch (error) {
        errorCount++;
        if (errors.length < ERRORS_KEPT) errors.push(`${describe(index)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
  const elapsedMs = performance.now() - started;
  await pool.close();
  const okLatency = latency.filter((_, i) => done[i]);
  const completed = okLatency.length;
  const seconds = elapsedMs / 1000;
  const figures: RunFigures = {
    concurrency: options.concurrency,
    planned: count,
    completed,
    elapsedMs,
    opsPerSec: completed / seconds,
    mibPerSec: (completed * options.payload.sizeBytes) / MIB / seconds,
    latencyMs: summarize(okLatency),
    errorCount,
    errors,
    cutByDeadline: next < count,
  };
  return { figures, ttfb, done };
}
