import type { TargetResult } from '../run-target.js';

/** Strata's peak RSS limit from the targets. */
export const STRATA_RSS_LIMIT_MIB = 300;

/** One cell of the target table, checked against this run. */
export interface TargetCheck {
  cell: string;
  target: string;
  measured: string;
  /** Undefined when a server it compares with was not run. */
  met: boolean | undefined;
}

type Metric = 'mibPerSec' | 'opsPerSec';

/**
 * The targets, cell by cell, from one run's results: throughput cells compare Strata
 * with the named peer times a factor; the memory cell takes Strata's largest process peak.
 */
export function checkTargets(results: TargetResult[]): TargetCheck[] {
  const phase = (server: string, op: string, label: string) => results.find((r) => r.name === server)?.phases.find((p) => p.op === op && p.label === label);
  const compare = (op: string, label: string, metric: Metric, peer: string, factor: number): TargetCheck => {
    const unit = metric === 'mibPerSec' ? 'MiB/s' : 'ops/s';
    const mine = phase('strata', op, label);
    const theirs = phase(peer, op, label);
    const cell = `${op} ${label} ${unit} vs ${peer}`;
    const target = factor === 1 ? `≥ ${peer}` : `≥ ${factor}× ${peer}`;
    if (!mine || !theirs) return { cell, target, measured: 'not run', met: undefined };
    const ratio = mine[metric] / theirs[metric];
    const clean = mine.errorCount === 0 && !mine.cutByDeadline;
    return { cell, target, measured: `${fmt(mine[metric])} vs ${fmt(theirs[metric])} (${ratio.toFixed(2)}×)`, met: clean && ratio >= factor };
  };
  const checks: TargetCheck[] = [];
  for (const label of ['1 MiB', '64 MiB']) {
    for (const op of ['PUT', 'GET']) for (const peer of ['azurite', 's3rver']) checks.push(compare(op, label, 'mibPerSec', peer, 1));
  }
  checks.push(compare('GET', '64 MiB', 'mibPerSec', 'nginx', 0.5));
  checks.push(compare('PUT', '4 KiB', 'opsPerSec', 's3rver', 1));
  checks.push(compare('GET', '4 KiB', 'opsPerSec', 's3rver', 2));
  const strata = results.find((r) => r.name === 'strata');
  const peak = strata ? Math.max(...strata.memory.filter((p) => !p.label.startsWith('etcd')).map((p) => p.peakRssMiB)) : undefined;
  const worst = strata?.memory.find((p) => p.peakRssMiB === peak);
  checks.push({
    cell: 'memory: every Strata process',
    target: `≤ ${STRATA_RSS_LIMIT_MIB} MiB RSS`,
    measured: worst ? `max ${worst.peakRssMiB.toFixed(0)} MiB (${worst.label})` : 'not run',
    met: peak === undefined ? undefined : peak <= STRATA_RSS_LIMIT_MIB,
  });
  return checks;
}

/** A number with about three significant digits, for tables. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
