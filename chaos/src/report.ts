import type { Anomaly, AnomalyKind, CheckResult } from './checker.js';
import type { Convergence } from './convergence.js';
import type { HistoryEntry, Op, OpKind, Outcome, PhaseMark } from './history.js';
import { peakByRole, type PeakRss } from './memory-watch.js';

export interface ChaosReport {
  seed: number;
  durationS: number;
  faultFlags: string[];
  /** Requests of the load, sent while the nemesis worked (the prefill and the read-back are not counted). */
  ops: number;
  /** Objects written before the load began, one per key. */
  prefilledKeys: number;
  opsByKind: Record<OpKind, Record<Outcome, number>>;
  ackedPuts: number;
  /** Of those, the multipart uploads. */
  ackedMultipartPuts: number;
  ackedPutBytes: number;
  ackedDeletes: number;
  /** Every fault carried out, by kind; `crash` counts processes that died by themselves, `skipped` faults that found no target. */
  faults: Record<string, number>;
  kills: number;
  extentNodeKills: number;
  pauses: number;
  anomalies: Record<AnomalyKind, number>;
  anomalyDetails: Anomaly[];
  observations: number;
  /** Requests of the load that succeeded (a 404 for a missing key is a success). */
  availability: number;
  /** The longest time during the load in which no request succeeded. */
  maxOutageS: number;
  converged: boolean;
  convergedS: number;
  convergenceProblem?: string;
  readBack: { keys: number; unreadable: number };
  /** The largest resident memory of each role's processes over the run, in MiB (a leak under faults shows here). */
  peakRssMiBByRole: Record<string, number>;
  /** The same for every process, largest first. */
  peakRss: PeakRss[];
  passed: boolean;
  runDir: string;
}

const KINDS: OpKind[] = ['put', 'get', 'head', 'delete', 'list'];

/** The numbers of a run, from its history, the checker's verdict, the nemesis's counts and the convergence. */
export function buildReport(input: {
  seed: number;
  durationS: number;
  faultFlags: string[];
  entries: readonly HistoryEntry[];
  check: CheckResult;
  faults: ReadonlyMap<string, number>;
  convergence: Convergence;
  peakRss?: PeakRss[];
  runDir: string;
}): ChaosReport {
  const ops = input.entries.filter((entry): entry is Op => entry.type === 'op');
  const window = loadWindow(input.entries);
  const load = ops.filter((op) => !op.final && op.invokeMs >= window.startMs && op.invokeMs < window.endMs);
  const opsByKind = Object.fromEntries(KINDS.map((kind) => [kind, { ok: 0, fail: 0, unknown: 0 }])) as Record<OpKind, Record<Outcome, number>>;
  for (const op of load) opsByKind[op.kind][op.outcome]++;
  const ackedPuts = load.filter((op) => op.kind === 'put' && op.outcome === 'ok');
  const faults = Object.fromEntries([...input.faults].sort(([a], [b]) => a.localeCompare(b)));
  const sum = (match: (kind: string) => boolean): number =>
    Object.entries(faults)
      .filter(([kind]) => match(kind))
      .reduce((total, [, count]) => total + count, 0);
  const finalReads = ops.filter((op) => op.final && op.kind === 'get');
  const anomalies = input.check.counts;
  const problems = Object.values(anomalies).reduce((total, count) => total + count, 0);
  return {
    seed: input.seed,
    durationS: input.durationS,
    faultFlags: input.faultFlags,
    ops: load.length,
    prefilledKeys: new Set(ops.filter((op) => op.kind === 'put' && op.invokeMs < window.startMs).map((op) => op.key)).size,
    opsByKind,
    ackedPuts: ackedPuts.length,
    ackedMultipartPuts: ackedPuts.filter((op) => op.kind === 'put' && op.parts !== undefined).length,
    ackedPutBytes: ackedPuts.reduce((total, op) => total + (op.kind === 'put' ? op.sizeBytes : 0), 0),
    ackedDeletes: load.filter((op) => op.kind === 'delete' && op.outcome === 'ok').length,
    faults,
    kills: sum((kind) => kind.startsWith('kill-') || kind === 'restart-etcd'),
    extentNodeKills: faults['kill-extent-node'] ?? 0,
    pauses: sum((kind) => kind.startsWith('pause-')),
    anomalies,
    anomalyDetails: input.check.anomalies,
    observations: input.check.observations,
    availability: load.length === 0 ? 0 : load.filter((op) => op.outcome === 'ok').length / load.length,
    maxOutageS: longestOutageMs(load, window) / 1000,
    converged: input.convergence.converged,
    convergedS: input.convergence.elapsedMs / 1000,
    ...(input.convergence.converged ? {} : { convergenceProblem: input.convergence.last }),
    readBack: { keys: new Set(finalReads.map((op) => op.key)).size, unreadable: anomalies.unreadable },
    peakRssMiBByRole: peakByRole(input.peakRss ?? []),
    peakRss: input.peakRss ?? [],
    passed: problems === 0 && input.convergence.converged && load.length > 0,
    runDir: input.runDir,
  };
}

/** When the load ran: from its phase mark to the heal's (or the last request, when the run was cut short). */
function loadWindow(entries: readonly HistoryEntry[]): { startMs: number; endMs: number } {
  const marks = entries.filter((entry): entry is PhaseMark => entry.type === 'phase');
  return {
    startMs: marks.find((mark) => mark.phase === 'load')?.atMs ?? 0,
    endMs: marks.find((mark) => mark.phase === 'heal')?.atMs ?? Number.POSITIVE_INFINITY,
  };
}

/** The longest stretch of `window` in which no request of `ops` succeeded (an answer counts when it completes). */
export function longestOutageMs(ops: readonly Op[], window: { startMs: number; endMs: number }): number {
  if (ops.length === 0) return 0;
  const end = Math.min(window.endMs, Math.max(...ops.map((op) => op.completeMs)));
  const successes = ops
    .filter((op) => op.outcome === 'ok' && op.completeMs < end)
    .map((op) => op.completeMs)
    .sort((a, b) => a - b);
  let longest = 0;
  let previous = window.startMs;
  for (const at of [...successes, end]) {
    longest = Math.max(longest, at - previous);
    previous = Math.max(previous, at);
  }
  return longest;
}

/** The one line a run ends with, e.g. `chaos seed=42 ops=18231 acked_puts=6012 kills=25 ... converged_s=11.4`. */
export function summaryLine(report: ChaosReport): string {
  const a = report.anomalies;
  return [
    'chaos',
    `seed=${report.seed}`,
    `ops=${report.ops}`,
    `acked_puts=${report.ackedPuts}`,
    `multipart=${report.ackedMultipartPuts}`,
    `kills=${report.kills}`,
    `en_kills=${report.extentNodeKills}`,
    `pauses=${report.pauses}`,
    `crashes=${report.faults.crash ?? 0}`,
    `lost=${a.lost}`,
    `corrupt=${a.corrupt}`,
    `stale=${a.stale}`,
    `resurrected=${a.resurrected}`,
    `list_missing=${a['list-missing']}`,
    `unreadable=${a.unreadable}`,
    `availability=${(report.availability * 100).toFixed(1)}%`,
    `max_outage_s=${report.maxOutageS.toFixed(1)}`,
    `converged_s=${report.converged ? report.convergedS.toFixed(1) : 'no'}`,
    ...(Object.keys(report.peakRssMiBByRole).length > 0 ? [`peak_rss_mib=${rssByRole(report.peakRssMiBByRole)}`] : []),
    report.passed ? 'PASS' : 'FAIL',
  ].join(' ');
}

/** Short names of the roles in the summary line. */
const ROLE_LABELS: Record<string, string> = {
  etcd: 'etcd',
  'extent-node': 'en',
  'partition-server': 'ps',
  'stream-manager': 'sm',
  'partition-manager': 'pm',
  'front-end': 'fe',
  'location-service': 'ls',
};

/** `etcd:2048,en:1400,...`: the roles of the stamp, biggest first. */
function rssByRole(byRole: Record<string, number>): string {
  return Object.entries(byRole)
    .filter(([role]) => role in ROLE_LABELS)
    .sort(([, a], [, b]) => b - a)
    .map(([role, mib]) => `${ROLE_LABELS[role]}:${mib}`)
    .join(',');
}
