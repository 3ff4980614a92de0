import { loadavg } from 'node:os';
import { runPhase, type PhaseResult } from './load/run-phase.js';
import { Payload } from './load/payload.js';
import { cpuSnapshot, MemorySampler, type ProcessPeak } from './load/process-memory.js';
import type { BenchPlan } from './plan.js';
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
  const target = await factory.start(options.env ? { env: options.env } : {});
  const startSeconds = (performance.now() - startedAt) / 1000;
  progress(`${factory.name}: started in ${startSeconds.toFixed(1)} s (${target.description})`);
  const sampler = new MemorySampler(() => target.processes());
  sampler.start();
  const result: TargetResult = {
    name: target.name,
    description: target.description,
    startSeconds,
    phases: [],
    memory: [],
    problems: [],
    loadAverage: { start: loadavg()[0]!, end: 0 },
  };
  try {
    for (const size of plan.sizes.filter((size) => !options.only || options.only.includes(size.label))) {
      const keys = keysFor(size.label.replace(/\s/g, '').toLowerCase(), size.count);
      for (const op of ['PUT', 'GET'] as const) {
        options.signal?.throwIfAborted();
        const requests = op === 'PUT' ? await target.putRequests(keys) : await target.getRequests(keys);
        sampler.beginPhase();
        const cpuBefore = cpuSnapshot(target.processes());
        const startedAtNs = process.hrtime.bigint().toString();
        const phase = await runPhase({
          op,
          origin: target.origin,
          requests,
          payload: payloads.get(size.sizeBytes)!,
          concurrency: size.concurrency,
          deadlineMs: plan.phaseDeadlineMs,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const endedAtNs = process.hrtime.bigint().toString();
        const cpuSeconds = Object.fromEntries([...cpuSnapshot(target.processes())].map(([label, used]) => [label, used - (cpuBefore.get(label) ?? 0)]));
        result.phases.push({ ...phase, label: size.label, startedAtNs, endedAtNs, cpuSeconds, rssMiB: sampler.endPhase() });
        progress(
          `${factory.name}: ${op} ${size.label} ×${phase.completed}/${phase.planned}: ${phase.opsPerSec.toFixed(0)} ops/s, ${phase.mibPerSec.toFixed(1)} MiB/s, p50 ${phase.latencyMs.p50.toFixed(1)} ms, p99 ${phase.latencyMs.p99.toFixed(1)} ms${phase.errorCount ? `, ${phase.errorCount} ERRORS: ${phase.errors[0]}` : ''}`,
        );
      }
    }
    if (target.listPage && !options.skipList) {
      options.signal?.throwIfAborted();
      result.list = await measureListing(target, plan, payloads.get(0)!, progress, options.signal);
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
