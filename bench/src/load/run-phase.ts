import { createHash } from 'node:crypto';
import type { Pool } from 'undici';
import type { ObjectRequest } from '../targets/target.js';
import type { Payload } from './payload.js';
import { runRequests, type RunFigures } from './request-workers.js';
import { summarize, type LatencySummary } from './stats.js';

/** At most this many objects of a phase are hashed and compared in full (and at least 4 when there are). */
const VERIFIED_OBJECTS_MAX = 64;

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

export interface PhaseResult extends RunFigures {
  op: PhaseOp;
  sizeBytes: number;
  /** GET only: from sending the request to the response headers. */
  ttfbMs?: LatencySummary;
  /** GET only: objects whose bytes were hashed and compared with what was PUT. */
  verifiedObjects: number;
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
  let verifiedObjects = 0;
  const { figures, ttfb, done } = await runRequests(
    spec,
    count,
    async (pool, index, onHeaders) => {
      if ((await send(pool, spec, index, expected.get(index), onHeaders)) === 'verified') verifiedObjects++;
    },
    (index) => `${spec.op} #${index}`,
  );
  return {
    op: spec.op,
    sizeBytes: spec.payload.sizeBytes,
    ...figures,
    ...(spec.op === 'GET' ? { ttfbMs: summarize(ttfb.filter((_, i) => done[i])) } : {}),
    verifiedObjects,
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
