import { createHash } from 'node:crypto';
import type { Pool } from 'undici';
import type { ObjectRequest } from '../targets/target.js';
import type { Payload } from './payload.js';
import { runRequests } from './request-workers.js';
import type { PhaseResult } from './run-phase.js';
import { summarize } from './stats.js';
import { seededRandom, topShare, uniformDraws, zipfDraws } from './key-choice.js';
import type { VersionLedger } from './version-ledger.js';

/** One request of a keyed phase: a GET of an object, or a PUT of a new version of it. */
export type KeyedOp = { op: 'GET'; object: number } | { op: 'PUT'; object: number; version: number };

/** The hot-key phase's requests: GETs of objects drawn by Zipf's law. */
export function hotKeyOps(plan: { objects: number; requests: number; exponent: number; seed: number }): KeyedOp[] {
  return zipfDraws({ objects: plan.objects, count: plan.requests, exponent: plan.exponent, seed: plan.seed }).map((object) => ({ op: 'GET', object }));
}

/** The mixed phase's requests: uniformly drawn objects, `putShare` of them overwritten with a new version, the rest read. */
export function mixedOps(plan: { objects: number; requests: number; putShare: number; seed: number }, ledger: VersionLedger): KeyedOp[] {
  const isPut = seededRandom(plan.seed + 1);
  return uniformDraws({ objects: plan.objects, count: plan.requests, seed: plan.seed }).map((object) =>
    isPut() < plan.putShare ? { op: 'PUT', object, version: ledger.planVersion(object) } : { op: 'GET', object },
  );
}

export interface KeyedPhaseSpec {
  /** GET for a read-only phase (hot keys), GET/PUT for a mixed one. */
  kind: 'GET' | 'GET/PUT';
  origin: string;
  ops: KeyedOp[];
  /** Presigned GET and PUT of each object, by object index. */
  getRequests: ObjectRequest[];
  putRequests: ObjectRequest[];
  payload: Payload;
  /** Knows which versions were written when; judges every GET's bytes. */
  ledger: VersionLedger;
  concurrency: number;
  deadlineMs: number;
  signal?: AbortSignal;
}

/**
 * Sends the ops of a keyed phase over `concurrency` keep-alive connections, in order, each worker
 * taking the next op when its last is answered. Every answer is checked: status, length, and
 * every GET's bytes are hashed and matched against the versions of its object (the ledger says
 * which versions that GET may return). Objects are small (4 KiB), so hashing each is cheap.
 */
export async function runKeyedPhase(spec: KeyedPhaseSpec): Promise<PhaseResult> {
  const count = spec.ops.length;
  const digests = new Map<number, string>();
  const digestOf = (payloadIndex: number): string => {
    let digest = digests.get(payloadIndex);
    if (digest === undefined) digests.set(payloadIndex, (digest = spec.payload.digest(payloadIndex)));
    return digest;
  };
  let verified = 0;
  let newerVersionReads = 0;
  const { figures, ttfb, done } = await runRequests(
    spec,
    count,
    async (pool, index, onHeaders) => {
      const op = spec.ops[index]!;
      // When it was sent, for the ledger: which versions a GET may return.
      const sent = performance.now();
      if (op.op === 'PUT') return put(pool, spec, op, sent);
      const version = await get(pool, spec, op.object, sent, digestOf, onHeaders);
      verified++;
      if (version > 0) newerVersionReads++;
    },
    (index) => `${spec.ops[index]!.op} #${index} (object ${spec.ops[index]!.object})`,
  );
  const getDraws = spec.ops.filter((op) => op.op === 'GET').map((op) => op.object);
  return {
    op: spec.kind,
    sizeBytes: spec.payload.sizeBytes,
    ...figures,
    ttfbMs: summarize(ttfb.filter((_, i) => done[i] && spec.ops[i]!.op === 'GET')),
    verifiedObjects: verified,
    keyed: {
      objects: spec.getRequests.length,
      gets: getDraws.length,
      puts: count - getDraws.length,
      top10Share: topShare(getDraws, 10),
      newerVersionReads,
    },
  };
}

async function put(pool: Pool, spec: KeyedPhaseSpec, op: { object: number; version: number }, sentAtMs: number): Promise<void> {
  const request = spec.putRequests[op.object]!;
  spec.ledger.putSent(op.object, op.version, sentAtMs);
  const response = await pool.request({
    method: 'PUT',
    path: request.path,
    headers: { ...request.headers, 'content-length': String(spec.payload.sizeBytes) },
    body: spec.payload.body(spec.ledger.payloadIndex(op.object, op.version)),
  });
  const text = await response.body.text();
  if (response.statusCode < 200 || response.statusCode > 299) throw new Error(`status ${response.statusCode}: ${text.slice(0, 200)}`);
  spec.ledger.putAcked(op.object, op.version, performance.now());
}

/** One GET, its status, length and bytes checked; returns the version it read. */
async function get(
  pool: Pool,
  spec: KeyedPhaseSpec,
  object: number,
  sentAtMs: number,
  digestOf: (payloadIndex: number) => string,
  onHeaders: () => void,
): Promise<number> {
  const request = spec.getRequests[object]!;
  const size = spec.payload.sizeBytes;
  const response = await pool.request({ method: 'GET', path: request.path, headers: request.headers });
  onHeaders();
  if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${(await response.body.text()).slice(0, 200)}`);
  const declared = Number(response.headers['content-length']);
  const hash = createHash('sha256');
  let received = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    received += chunk.length;
    hash.update(chunk);
  }
  const doneAtMs = performance.now();
  if (declared !== size || received !== size) throw new Error(`length: declared ${declared}, received ${received}, expected ${size}`);
  const digest = hash.digest('hex');
  const version = spec.ledger.candidates(object, doneAtMs).find((v) => digestOf(spec.ledger.payloadIndex(object, v)) === digest);
  const verdict = spec.ledger.judge({ object, version, sentAtMs, doneAtMs });
  if (!verdict.ok) throw new Error(verdict.reason);
  return verdict.version;
}
