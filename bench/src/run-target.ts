import { loadavg } from 'node:os';
import { runPhase, type PhaseResult } from './load/run-phase.js';
import { hotKeyOps, mixedOps, runKeyedPhase } from './load/run-keyed-phase.js';
import { VersionLedger } from './load/version-ledger.js';
import { Payload } from './load/payload.js';
import { cpuSnapshot, MemorySampler, type ProcessPeak } from './load/process-memory.js';
import type { BenchPlan } from './plan.js';
import { PeerNotInstalledError } from './targets/system-tools.js';
import type { RunningTarget, TargetFactory } from './targets/target.js';

/** The listing measurement: how long creating the keys took and how fast they listed. */
export interface ListResult {
  keys: number;
  createSeconds: number;
  createOpsPerSec: number;
  createErrors: number;
  listSeconds: number;
  keysListed: number;
  keysPerSec: number;
  pages: number;
  /** True when the deadline stopped the listing before its last page. */
  cutByDeadline: boolean;
  /** The highest RSS (MiB) each server process reached while the keys were created and listed. */
  rssMiB?: Record<string, number>;
}

/** One phase as run on a server: the load generator's view plus the server's CPU use. */
export type BenchPhase = PhaseResult & {
  label: string;
  /** process.hrtime (CLOCK_MONOTONIC) at the phase's start and end: profiles are cut by these. */
  startedAtNs: string;
  endedAtNs: string;
  /** CPU seconds (user + system, all threads, from /proc) each server process used during the phase. */
  cpuSeconds: Record<string, number>;
  /** The highest RSS (MiB, sampled every 250 ms) each server process reached during the phase. */
  rssMiB: Record<string, number>;
};

/** Everything measured on one server. */
export interface TargetResult {
  name: string;
  description: string;
  /** What a PUT's bytes have been through when the server acknowledges it. */
  durability: string;
  /**
   * Why the server did not run: not installed (the bench names the packages; not an error of
   * the run), or it failed to start (an error). Absent when it ran.
   */
  notRun?: { reason: string; installed: boolean };
  startSeconds: number;
  phases: BenchPhase[];
  list?: ListResult;
  memory: ProcessPeak[];
  problems: string[];
  /** The machine's 1-minute load average when this server started and when it stopped: other work on a shared machine shows here. */
  loadAverage: { start: number; end: number };
}

/** Payloads shared by every server of a run, so each stores the same bytes. */
export function payloadsFor(plan: BenchPlan): Map<number, Payload> {
  return new Map([0, ...plan.sizes.map((size) => size.sizeBytes)].map((bytes) => [bytes, new Payload(bytes)]));
}

/** The keyed phases run over the objects of this size's PUT phase, right after its GET phase. */
const KEYED_SIZE_LABEL = '4 KiB';
export const HOT_KEYS_LABEL = '4 KiB Zipf hot keys';
export const MIXED_LABEL = '4 KiB 90/10';

interface KeyedRun {
  target: RunningTarget;
  plan: BenchPlan;
  /** The keys of the 4 KiB PUT phase; the keyed phases use the first plan.zipf/mixed.objects of them. */
  keys: string[];
  payload: Payload;
  signal?: AbortSignal;
}

/** GETs of hot keys (Zipf's law) over objects the 4 KiB PUT phase stored. */
async function runHotKeys(run: KeyedRun): Promise<PhaseResult> {
  const zipf = run.plan.zipf;
  const keys = run.keys.slice(0, zipf.objects);
  return runKeyedPhase({
    kind: 'GET',
    origin: run.target.origin,
    ops: hotKeyOps({ ...zipf, objects: keys.length }),
    getRequests: await run.target.getRequests(keys),
    putRequests: [],
    payload: run.payload,
    ledger: new VersionLedger(),
    concurrency: zipf.concurrency,
    deadlineMs: run.plan.phaseDeadlineMs,
    ...(run.signal ? { signal: run.signal } : {}),
  });
}

/** GETs and overwriting PUTs of uniformly drawn keys; each GET checked against the versions it may see. */
async function runMixed(run: KeyedRun): Promise<PhaseResult> {
  const mixed = run.plan.mixed;
  const keys = run.keys.slice(0, mixed.objects);
  const ledger = new VersionLedger();
  return runKeyedPhase({
    kind: 'GET/PUT',
    origin: run.target.origin,
    ops: mixedOps({ ...mixed, objects: keys.length }, ledger),
    getRequests: await run.target.getRequests(keys),
    putRequests: await run.target.putRequests(keys),
    payload: run.payload,
    ledger,
    concurrency: mixed.concurrency,
    deadlineMs: run.plan.phaseDeadlineMs,
    ...(run.signal ? { signal: run.signal } : {}),
  });
}

const keysFor = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}/${String(i).padStart(6, '0')}`);

/**
 * Starts one server, runs every phase of the plan against it (PUT then GET per size, then the
 * listing where the server lists), samples its processes' peak RSS throughout, and stops it,
 * also when a phase throws.
 */
export async function runTarget(options: {
  factory: TargetFactory;
  plan: BenchPlan;
  payloads: Map<number, Payload>;
  env?: Record<string, string>;
  progress: (line: string) => void;
  /** Size labels to run (all when absent), e.g. the profiler's 4 KiB and 1 MiB. */
  only?: string[];
  skipList?: boolean;
  /** Aborting stops the phase in progress, then the server; runTarget then rejects. */
  signal?: AbortSignal;
}): Promise<TargetResult> {
  const { factory, plan, payloads, progress } = options;
  const startedAt = performance.now();
  let target: RunningTarget;
  try {
    target = await factory.start(options.env ? { env: options.env } : {});
  } catch (error) {
    const installed = !(error instanceof PeerNotInstalledError);
    const reason = installed ? `failed to start: ${(error as Error).message}` : (error as Error).message;
    progress(`${factory.name}: not run: ${reason.split('\n')[0]}`);
    const load = loadavg()[0]!;
    return {
      name: factory.name,
      description: '',
      durability: '',
      notRun: { reason, installed },
      startSeconds: 0,
      phases: [],
      memory: [],
      problems: [],
      loadAverage: { start: load, end: load },
    };
  }
  const startSeconds = (performance.now() - startedAt) / 1000;
  progress(`${factory.name}: started in ${startSeconds.toFixed(1)} s (${target.description})`);
  const sampler = new MemorySampler(() => target.processes());
  sampler.start();
  const result: TargetResult = {
    name: target.name,
    description: target.description,
    durability: target.durability,
    startSeconds,
    phases: [],
    memory: [],
    problems: [],
    loadAverage: { start: loadavg()[0]!, end: 0 },
  };
  /** Runs one phase with the server's CPU and RSS measured around it, and records it. */
  const measured = async (label: string, run: () => Promise<PhaseResult>): Promise<void> => {
    sampler.beginPhase();
    const cpuBefore = cpuSnapshot(target.processes());
    const startedAtNs = process.hrtime.bigint().toString();
    const phase = await run();
    const endedAtNs = process.hrtime.bigint().toString();
    const cpuSeconds = Object.fromEntries([...cpuSnapshot(target.processes())].map(([name, used]) => [name, used - (cpuBefore.get(name) ?? 0)]));
    result.phases.push({ ...phase, label, startedAtNs, endedAtNs, cpuSeconds, rssMiB: sampler.endPhase() });
    progress(
      `${factory.name}: ${phase.op} ${label} ×${phase.completed}/${phase.planned}: ${phase.opsPerSec.toFixed(0)} ops/s, ${phase.mibPerSec.toFixed(1)} MiB/s, p50 ${phase.latencyMs.p50.toFixed(1)} ms, p99 ${phase.latencyMs.p99.toFixed(1)} ms${phase.errorCount ? `, ${phase.errorCount} ERRORS: ${phase.errors[0]}` : ''}`,
    );
  };
  try {
    for (const size of plan.sizes.filter((size) => !options.only || options.only.includes(size.label))) {
      const keys = keysFor(size.label.replace(/\s/g, '').toLowerCase(), size.count);
      for (const op of ['PUT', 'GET'] as const) {
        options.signal?.throwIfAborted();
        const requests = op === 'PUT' ? await target.putRequests(keys) : await target.getRequests(keys);
        const payload = payloads.get(size.sizeBytes)!;
        const deadlineMs = plan.phaseDeadlineMs;
        await measured(size.label, () =>
          runPhase({
            op,
            origin: target.origin,
            requests,
            payload,
            concurrency: size.concurrency,
            deadlineMs,
            ...(options.signal ? { signal: options.signal } : {}),
          }),
        );
      }
      if (size.label === KEYED_SIZE_LABEL) {
        // Only objects the PUT phase stored: with no errors, a phase cut short stored exactly its first `completed` keys.
        const put = result.phases.find((p) => p.op === 'PUT' && p.label === size.label)!;
        const stored = put.errorCount === 0 ? keys.slice(0, put.completed) : keys;
        const keyed = { target, plan, keys: stored, payload: payloads.get(size.sizeBytes)!, ...(options.signal ? { signal: options.signal } : {}) };
        await measured(HOT_KEYS_LABEL, () => runHotKeys(keyed));
        await measured(MIXED_LABEL, () => runMixed(keyed));
      }
    }
    if (target.listPage && !options.skipList) {
      options.signal?.throwIfAborted();
      sampler.beginPhase();
      result.list = await measureListing(target, plan, payloads.get(0)!, progress, options.signal);
      result.list.rssMiB = sampler.endPhase();
      if (!result.list.cutByDeadline && result.list.keysListed !== result.list.keys)
        result.problems.push(`listed ${result.list.keysListed} keys, ${result.list.keys} were created`);
    }
  } finally {
    result.memory = sampler.stop();
    result.problems.push(...(target.problems?.() ?? []));
    result.loadAverage.end = loadavg()[0]!;
    await target.stop();
  }
  return result;
}

async function measureListing(
  target: RunningTarget,
  plan: BenchPlan,
  empty: Payload,
  progress: (line: string) => void,
  signal?: AbortSignal,
): Promise<ListResult> {
  const keys = keysFor('list', plan.listKeys);
  progress(`${target.name}: creating ${plan.listKeys} keys to list`);
  const create = await runPhase({
    op: 'PUT',
    origin: target.origin,
    requests: await target.putRequests(keys),
    payload: empty,
    concurrency: plan.listCreateConcurrency,
    deadlineMs: plan.listDeadlineMs,
    ...(signal ? { signal } : {}),
  });
  signal?.throwIfAborted();
  progress(
    `${target.name}: created ${create.completed} keys in ${(create.elapsedMs / 1000).toFixed(1)} s${create.errorCount ? ` (${create.errorCount} errors: ${create.errors[0]})` : ''}; listing them`,
  );
  const started = performance.now();
  let keysListed = 0;
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await target.listPage!({ prefix: 'list/', ...(token ? { continuationToken: token } : {}) });
    keysListed += page.keys;
    pages++;
    token = page.continuationToken;
  } while (token && performance.now() - started < plan.listDeadlineMs && !signal?.aborted);
  const listSeconds = (performance.now() - started) / 1000;
  const result = {
    keys: create.completed,
    createSeconds: create.elapsedMs / 1000,
    createOpsPerSec: create.opsPerSec,
    createErrors: create.errorCount,
    listSeconds,
    keysListed,
    keysPerSec: keysListed / listSeconds,
    pages,
    cutByDeadline: token !== undefined,
  };
  progress(
    `${target.name}: listed ${keysListed} keys in ${listSeconds.toFixed(2)} s (${result.keysPerSec.toFixed(0)} keys/s)${result.cutByDeadline ? ', cut by the deadline' : ''}`,
  );
  return result;
}
