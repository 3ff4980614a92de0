import { createHash } from 'node:crypto';
import { Pool } from 'undici';
import type { ObjectRequest } from '../targets/target.js';
import type { Payload } from './payload.js';
import { MIB, summarize, type LatencySummary } from './stats.js';

/** Error messages kept per phase: enough to see what failed, not a flood. */
export const ERRORS_KEPT = 5;
/** At most this many objects of a phase are hashed and compared in full (and at least 4 when there are). */
const VERIFIED_OBJECTS_MAX = 64;
/** An answer that takes longer than this is a failure, not a latency sample. */
export const REQUEST_TIMEOUT_MS = 120_000;

export interface PhaseSpec {
  op: 'PUT' | 'GET';
  origin: string;
  /** One per object, in index order; the phase sends each once. */
  requests: ObjectRequest[];
  payload: Payload;
  concurrency: number;
  /** No new request starts after this long; the phase reports what completed. */
  deadlineMs: number;
  /** No new request starts once this aborts (Ctrl-C). */
  signal?: AbortSignal;
}

/** What a phase sends: PUTs, GETs, or (the mixed phase) both. */
export type PhaseOp = 'PUT' | 'GET' | 'GET/PUT';

export interface PhaseResult {
  op: PhaseOp;
  sizeBytes: number;
  concurrency: number;
  planned: number;
  /** Requests that succeeded (status 2xx, exact length, and contents when checked). */
  completed: number;
  elapsedMs: number;
  opsPerSec: number;
  mibPerSec: number;
  latencyMs: LatencySummary;
  /** GET only: from sending the request to the response headers. */
  ttfbMs?: LatencySummary;
  /** GET only: objects whose bytes were hashed and compared with what was PUT. */
  verifiedObjects: number;
  errorCount: number;
  errors: string[];
  /** True when the deadline stopped the phase before every request was sent. */
  cutByDeadline: boolean;
  /** Keyed phases only: what the requests were and what the GETs saw. */
  keyed?: KeyedSummary;
}

/** The shape of a keyed phase (hot keys, mixed), for its table's notes. */
export interface KeyedSummary {
  objects: number;
  gets: number;
  puts: number;
  /** Share of the GETs that went to the 10 most read objects. */
  top10Share: number;
  /** GETs that returned a version written during the phase (an overwrite they raced with or followed). */
  newerVersionReads: number;
}

/**
 * Sends every request of a phase over `concurrency` keep-alive connections, each worker taking
 * the next object as soon as its last one is answered. Checks each answer's status and length,
 * and hashes a sample of GET bodies against the bytes that were PUT. Nothing is signed here:
 * the requests come presigned.
 */
export async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  const count = spec.requests.length;
  const verifyEvery = Math.max(1, Math.ceil(count / VERIFIED_OBJECTS_MAX), Math.min(16, Math.floor(count / 4)));
  const expected = new Map<number, string>();
  if (spec.op === 'GET' && spec.payload.sizeBytes > 0) for (let i = 0; i < count; i += verifyEvery) expected.set(i, spec.payload.digest(i));
  const latency = new Float64Array(count);
  const ttfb = new Float64Array(count);
  const done: boolean[] = new Array<boolean>(count).fill(false);
  const errors: string[] = [];
  let errorCount = 0;
  let verifiedObjects = 0;
  let next = 0;
  const pool = new Pool(spec.origin, { connections: spec.concurrency, pipelining: 1, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  const started = performance.now();
  const stopAt = started + spec.deadlineMs;
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < stopAt && !spec.signal?.aborted) {
      const index = next++;
      const sent = performance.now();
      try {
        const outcome = await send(pool, spec, index, expected.get(index), () => (ttfb[index] = performance.now() - sent));
        latency[index] = performance.now() - sent;
        done[index] = true;
        if (outcome === 'verified') verifiedObjects++;
      } catch (error) {
        errorCount++;
        if (errors.length < ERRORS_KEPT) errors.push(`${spec.op} #${index}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, count) }, worker));
  const elapsedMs = performance.now() - started;
  await pool.close();
  const okLatency = latency.filter((_, i) => done[i]);
  const completed = okLatency.length;
  const seconds = elapsedMs / 1000;
  return {
    op: spec.op,
    sizeBytes: spec.payload.sizeBytes,
    concurrency: spec.concurrency,
    planned: count,
    completed,
    elapsedMs,
    opsPerSec: completed / seconds,
    mibPerSec: (completed * spec.payload.sizeBytes) / MIB / seconds,
    latencyMs: summarize(okLatency),
    ...(spec.op === 'GET' ? { ttfbMs: summarize(ttfb.filter((_, i) => done[i])) } : {}),
    verifiedObjects,
    errorCount,
    errors,
    cutByDeadline: next < count,
  };
}

/** One request and every check of its answer; throws what is wrong. */
async function send(pool: Pool, spec: PhaseSpec, index: number, digest: string | undefined, onHeaders: () => void): Promise<'checked' | 'verified'> {
  const request = spec.requests[index]!;
  const size = spec.payload.sizeBytes;
  if (spec.op === 'PUT') {
    const response = await pool.request({
      method: 'PUT',
      path: request.path,
      headers: { ...request.headers, 'content-length': String(size) },
      body: spec.payload.body(index),
    });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode > 299) throw new Error(`status ${response.statusCode}: ${text.slice(0, 200)}`);
    return 'checked';
  }
  const response = await pool.request({ method: 'GET', path: request.path, headers: request.headers });
  onHeaders();
  if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${(await response.body.text()).slice(0, 200)}`);
  const declared = Number(response.headers['content-length']);
  const hash = digest === undefined ? undefined : createHash('sha256');
  let received = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    received += chunk.length;
    hash?.update(chunk);
  }
  if (declared !== size || received !== size) throw new Error(`length: declared ${declared}, received ${received}, expected ${size}`);
  if (hash && hash.digest('hex') !== digest) throw new Error('contents differ from what was PUT');
  return hash ? 'verified' : 'checked';
}
