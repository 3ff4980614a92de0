import type { PhysicalLimits } from '../limits/physical-limits.js';
import { HOT_KEYS_LABEL, type BenchPhase, type TargetResult } from '../run-target.js';

/** Strata's peak RSS limit from the targets. */
export const STRATA_RSS_LIMIT_MIB = 300;
/** Replicas every PUT to Strata writes, each synced: the disk limit of a PUT is the disk's fdatasync rate over this. */
export const STRATA_REPLICAS = 3;
/** The phase of the hot-key target. */
const HOT_KEYS = { op: 'GET', label: HOT_KEYS_LABEL } as const;

/** One cell of the target table, checked against this run. */
export interface TargetCheck {
  cell: string;
  target: string;
  measured: string;
  /** Undefined when a server it compares with was not run, or a limit was not measured. */
  met: boolean | undefined;
}

type Metric = 'mibPerSec' | 'opsPerSec';

const SIZES = ['4 KiB', '1 MiB', '64 MiB'] as const;
/** Small objects are compared by requests per second, larger ones by bytes per second (the same ratio). */
const metricOf = (label: string): Metric => (label === '4 KiB' ? 'opsPerSec' : 'mibPerSec');
const unitOf = (metric: Metric): string => (metric === 'mibPerSec' ? 'MiB/s' : 'ops/s');
/** A phase counts for a target only when every request of it completed without error. */
const clean = (phase: BenchPhase): boolean => phase.errorCount === 0 && !phase.cutByDeadline;

/**
 * The targets (#15), cell by cell, from one run's results and the machine limits measured
 * in it. A cell whose peer did not run (not installed, or left out with --servers) is "not
 * measured"; a cell is met only when Strata's phase completed without errors.
 */
export function checkTargets(results: TargetResult[], limits?: PhysicalLimits): TargetCheck[] {
  const phase = (server: string, op: string, label: string): BenchPhase | undefined =>
    results.find((r) => r.name === server && !r.notRun)?.phases.find((p) => p.op === op && p.label === label);
  const check = (options: { cell: string; target: string; op: string; label: string; peerValue?: number; peerName?: string; factor: number }): TargetCheck => {
    const metric = metricOf(options.label.split(' ').slice(0, 2).join(' '));
    const mine = phase('strata', options.op, options.label);
    const { cell, target } = options;
    if (!mine || options.peerValue === undefined) return { cell, target, measured: 'not measured', met: undefined };
    const ratio = mine[metric] / options.peerValue;
    const peer = options.peerName ? ` (${options.peerName})` : '';
    return {
      cell,
      target,
      measured: `${fmt(mine[metric])} vs ${fmt(options.peerValue)}${peer} ${unitOf(metric)}: ${ratio.toFixed(2)}×${clean(mine) ? '' : ', with errors'}`,
      met: clean(mine) && ratio >= options.factor,
    };
  };
  const versus = (op: string, label: string, peer: string, factor: number): TargetCheck =>
    check({
      cell: `${op} ${label} vs ${peer}`,
      target: factor === 1 ? `≥ 1.0× ${peer}` : `≥ ${factor}× ${peer}`,
      op,
      label,
      peerValue: phase(peer, op, label)?.[metricOf(label)],
      factor,
    });
  const checks: TargetCheck[] = [];
  for (const peer of ['ceph', 'swift']) for (const label of SIZES) for (const op of ['PUT', 'GET']) checks.push(versus(op, label, peer, 1));
  for (const label of SIZES) checks.push(bestSingleCopy(label, phase, check));
  checks.push(versus('GET', '64 MiB', 'nginx', 0.5));
  for (const label of SIZES) checks.push(putFloor(label, phase, check, limits));
  const hot = phase('s3rver', HOT_KEYS.op, HOT_KEYS.label);
  checks.push(
    check({ cell: `${HOT_KEYS.op} ${HOT_KEYS.label} vs s3rver`, target: '≥ 2× s3rver', ...HOT_KEYS, factor: 2, ...(hot ? { peerValue: hot.opsPerSec } : {}) }),
  );
  checks.push(memoryCheck(results));
  return checks;
}

type PhaseOf = (server: string, op: string, label: string) => BenchPhase | undefined;
type Check = (options: { cell: string; target: string; op: string; label: string; peerValue?: number; peerName?: string; factor: number }) => TargetCheck;

/** GET ≥ the faster of the single-copy S3/Azure peers (s3rver, Azurite) that ran. */
function bestSingleCopy(label: string, phase: PhaseOf, check: Check): TargetCheck {
  const metric = metricOf(label);
  const best = ['s3rver', 'azurite']
    .map((name) => ({ name, value: phase(name, 'GET', label)?.[metric] }))
    .filter((peer): peer is { name: string; value: number } => peer.value !== undefined)
    .sort((a, b) => b.value - a.value)[0];
  const cell = `GET ${label} vs best single-copy peer`;
  return check({ cell, target: '≥ 1.0× max(s3rver, azurite)', op: 'GET', label, factor: 1, ...(best ? { peerValue: best.value, peerName: best.name } : {}) });
}

/**
 * PUT ≥ 0.75× s3rver, unless the disk's own limit for three synced replicas (fdatasync rate of
 * the run ÷ 3) is lower than that: then ≥ 0.8× the disk limit. 4 KiB uses the 4 KiB sync rate
 * (syncs/s ÷ 3 as PUTs/s), larger objects the 1 MiB sync bandwidth.
 */
function putFloor(label: string, phase: PhaseOf, check: Check, limits?: PhysicalLimits): TargetCheck {
  const metric = metricOf(label);
  const s3rver = phase('s3rver', 'PUT', label)?.[metric];
  const cell = `PUT ${label} floor`;
  if (s3rver === undefined) return check({ cell, target: '≥ 0.75× s3rver, or 0.8× disk limit', op: 'PUT', label, factor: 1 });
  const disk = limits ? (metric === 'opsPerSec' ? limits.sync4KiB.syncsPerSec : limits.sync1MiB.mibPerSec) / STRATA_REPLICAS : undefined;
  if (disk !== undefined && disk < 0.75 * s3rver)
    return check({
      cell,
      target: `≥ 0.8× disk limit (fdatasync ÷ ${STRATA_REPLICAS} = ${fmt(disk)} ${unitOf(metric)}, below 0.75× s3rver = ${fmt(0.75 * s3rver)})`,
      op: 'PUT',
      label,
      peerValue: disk,
      peerName: 'disk limit',
      factor: 0.8,
    });
  const because = disk === undefined ? 'disk limit not measured' : `disk limit ${fmt(disk)} ${unitOf(metric)} is higher`;
  return check({ cell, target: `≥ 0.75× s3rver (${because})`, op: 'PUT', label, peerValue: s3rver, peerName: 's3rver', factor: 0.75 });
}

/** No Strata process (etcd aside: it is not Strata's code) above the RSS limit at any point of the run. */
function memoryCheck(results: TargetResult[]): TargetCheck {
  const strata = results.find((r) => r.name === 'strata' && !r.notRun);
  const peaks = strata?.memory.filter((p) => !p.label.startsWith('etcd')) ?? [];
  const worst = peaks.sort((a, b) => b.peakRssMiB - a.peakRssMiB)[0];
  return {
    cell: 'memory: every Strata process',
    target: `≤ ${STRATA_RSS_LIMIT_MIB} MiB RSS`,
    measured: worst ? `max ${worst.peakRssMiB.toFixed(0)} MiB (${worst.label})` : 'not measured',
    met: worst === undefined ? undefined : worst.peakRssMiB <= STRATA_RSS_LIMIT_MIB,
  };
}

/** A number with about three significant digits, for tables. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
