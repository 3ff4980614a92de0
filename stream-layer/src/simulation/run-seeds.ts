import { INVARIANTS, type InvariantName } from './model.js';
import type { FaultCounts } from './nemesis.js';
import { runSeed, type SeedResult } from './run-seed.js';

/** What a batch of seeds found, summed. */
export interface SeedsSummary {
  seeds: number;
  failures: { seed: number; failure: string }[];
  events: number;
  simulatedMs: number;
  appends: number;
  acknowledged: number;
  faults: FaultCounts;
  checks: Record<InvariantName, number>;
  wallMs: number;
}

/** Runs seeds `from` … `from + count - 1` one after another (stopping early at `deadlineMs` of wall time, if given). */
export async function runSeeds(options: { from: number; count: number; deadlineMs?: number; onResult?: (result: SeedResult) => void }): Promise<SeedsSummary> {
  const started = performance.now();
  const summary: SeedsSummary = {
    seeds: 0,
    failures: [],
    events: 0,
    simulatedMs: 0,
    appends: 0,
    acknowledged: 0,
    faults: { nodeCrashes: 0, nodePauses: 0, linkCuts: 0, managerCrashes: 0, writerCrashes: 0, takeOvers: 0, writerPauses: 0 },
    checks: Object.fromEntries(Object.keys(INVARIANTS).map((name) => [name, 0])) as Record<InvariantName, number>,
    wallMs: 0,
  };
  for (let seed = options.from; seed < options.from + options.count; seed++) {
    if (options.deadlineMs !== undefined && performance.now() - started > options.deadlineMs) break;
    const result = await runSeed(seed);
    options.onResult?.(result);
    summary.seeds++;
    if (!result.ok) summary.failures.push({ seed, failure: result.failure ?? 'failed' });
    summary.events += result.events;
    summary.simulatedMs += result.simulatedMs;
    summary.appends += result.appends;
    summary.acknowledged += result.acknowledged;
    for (const [kind, count] of Object.entries(result.faults)) summary.faults[kind as keyof FaultCounts] += count;
    for (const [name, count] of Object.entries(result.checks)) summary.checks[name as InvariantName] += count;
  }
  summary.wallMs = Math.round(performance.now() - started);
  return summary;
}

/** The summary as the lines a person reads. */
export function describeSummary(summary: SeedsSummary): string {
  const lines = [
    `simulation: ${summary.seeds} seeds, ${summary.failures.length} failed, ${summary.events} events, ${Math.round(summary.simulatedMs / 1000)} s simulated in ${Math.round(summary.wallMs / 1000)} s`,
    `  appends ${summary.appends}, acknowledged ${summary.acknowledged}; faults ${Object.entries(summary.faults)
      .map(([kind, count]) => `${kind}=${count}`)
      .join(' ')}`,
    ...Object.entries(summary.checks).map(([name, count]) => `  ${String(count).padStart(9)} × ${INVARIANTS[name as InvariantName]}`),
    ...summary.failures.map((failure) => `  seed ${failure.seed} FAILED: ${failure.failure} (replay: npm run sim -- --seed ${failure.seed} --trace)`),
  ];
  return lines.join('\n');
}
