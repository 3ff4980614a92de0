import type { PhysicalLimits } from '../limits/physical-limits.js';
import type { BenchPlan } from '../plan.js';
import type { BenchPhase, TargetResult } from '../run-target.js';
import { checkTargets, fmt, STRATA_REPLICAS } from './targets.js';

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]): string => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** Strata's throughput over a peer's, as "1.23×"; a dash when either is missing or zero. */
function ratio(mine: number | undefined, theirs: number | undefined): string {
  return mine && theirs ? `${(mine / theirs).toFixed(2)}×` : '–';
}

/** CPU milliseconds all of a server's processes spent per completed request of a phase. */
function cpuMsPerRequest(phase: BenchPhase): number {
  const total = Object.values(phase.cpuSeconds).reduce((sum, seconds) => sum + seconds, 0);
  return phase.completed > 0 ? (1000 * total) / phase.completed : Number.NaN;
}

/** What a keyed phase sent and what its GETs saw. */
function keyedNote(phase: BenchPhase): string {
  const keyed = phase.keyed;
  if (!keyed) return '';
  if (keyed.puts === 0) return `${keyed.objects} objects, top 10 got ${(100 * keyed.top10Share).toFixed(0)} % of GETs`;
  return `${keyed.objects} objects, ${keyed.puts} PUTs, ${keyed.gets} GETs (${keyed.newerVersionReads} read a version PUT in this phase)`;
}

/** One table per phase: every server side by side, with Strata's ratio to each. */
function phaseTables(results: TargetResult[]): string[] {
  const strata = results.find((r) => r.name === 'strata');
  const labels = [...new Set(results.flatMap((r) => r.phases.map((p) => `${p.op} ${p.label}`)))];
  return labels.map((name) => {
    const mine = strata?.phases.find((p) => `${p.op} ${p.label}` === name);
    const rows = results.flatMap((r) => {
      const p = r.phases.find((phase) => `${phase.op} ${phase.label}` === name);
      if (!p) return [];
      const note = [p.errorCount ? `${p.errorCount} errors` : '', p.cutByDeadline ? `cut at ${p.completed}/${p.planned}` : '', keyedNote(p)]
        .filter(Boolean)
        .join(', ');
      return [
        [
          r.name,
          fmt(p.opsPerSec),
          fmt(p.mibPerSec),
          fmt(p.latencyMs.p50),
          fmt(p.latencyMs.p99),
          p.ttfbMs ? `${fmt(p.ttfbMs.p50)} / ${fmt(p.ttfbMs.p99)}` : '',
          fmt(cpuMsPerRequest(p)),
          r.name === 'strata' ? '' : ratio(mine?.opsPerSec, p.opsPerSec),
          note,
        ],
      ];
    });
    const first = results.flatMap((r) => r.phases).find((p) => `${p.op} ${p.label}` === name)!;
    return `**${name}** (${first.planned} requests, concurrency ${first.concurrency})\n\n${table(['server', 'ops/s', 'MiB/s', 'p50 ms', 'p99 ms', 'TTFB p50 / p99 ms', 'server CPU ms/request', 'Strata ÷ server', 'notes'], rows)}`;
  });
}

/** Strata's throughput over each peer's, one row per phase: the run at a glance. */
function ratioTable(results: TargetResult[]): string {
  const strata = results.find((r) => r.name === 'strata');
  const peers = results.filter((r) => r.name !== 'strata');
  if (!strata || peers.length === 0) return '';
  const rows = strata.phases.map((p) => [
    `${p.op} ${p.label}`,
    `${fmt(p.opsPerSec)} ops/s, ${fmt(p.mibPerSec)} MiB/s`,
    ...peers.map((peer) => ratio(p.opsPerSec, peer.phases.find((q) => q.op === p.op && q.label === p.label)?.opsPerSec)),
  ]);
  return table(['phase', 'strata', ...peers.map((peer) => `strata ÷ ${peer.name}`)], rows);
}

/** Where Strata's CPU goes: milliseconds per request of each of its processes, per phase. */
function strataCpuTable(results: TargetResult[]): string {
  const strata = results.find((r) => r.name === 'strata');
  if (!strata || strata.phases.length === 0) return '';
  const labels = [...new Set(strata.phases.flatMap((p) => Object.keys(p.cpuSeconds)))].filter((label) =>
    strata.phases.some((p) => (p.cpuSeconds[label] ?? 0) > 0.05),
  );
  const rows = strata.phases.map((p) => [
    `${p.op} ${p.label}`,
    ...labels.map((label) => fmt((1000 * (p.cpuSeconds[label] ?? 0)) / Math.max(1, p.completed))),
    fmt(cpuMsPerRequest(p)),
  ]);
  return table(['phase', ...labels, 'all'], rows);
}

/** Strata's memory by phase: the highest RSS each process reached while the phase ran. */
function strataRssTable(results: TargetResult[]): string {
  const strata = results.find((r) => r.name === 'strata');
  if (!strata || strata.phases.length === 0) return '';
  const rows: [string, Record<string, number>][] = strata.phases.map((p) => [`${p.op} ${p.label}`, p.rssMiB]);
  if (strata.list?.rssMiB) rows.push(['listing (create + ListObjectsV2)', strata.list.rssMiB]);
  const labels = [...new Set(rows.flatMap(([, rss]) => Object.keys(rss)))];
  return table(
    ['phase', ...labels],
    rows.map(([phase, rss]) => [phase, ...labels.map((label) => fmt(rss[label] ?? Number.NaN))]),
  );
}

function listTable(results: TargetResult[]): string {
  const rows = results
    .filter((r) => r.list)
    .map((r) => {
      const l = r.list!;
      return [
        r.name,
        String(l.keys),
        `${fmt(l.createSeconds)} s (${fmt(l.createOpsPerSec)} PUT/s${l.createErrors ? `, ${l.createErrors} errors` : ''})`,
        `${fmt(l.listSeconds)} s, ${l.pages} pages${l.cutByDeadline ? `, cut by the deadline after ${l.keysListed} keys` : ''}`,
        fmt(l.keysPerSec),
      ];
    });
  return rows.length ? table(['server', 'keys', 'creating them (64 concurrent PUTs of empty objects)', 'ListObjectsV2, all pages', 'keys/s'], rows) : '';
}

/** Every server of the run: what ran, what an acknowledged PUT has been through, or why it did not run. */
function serverTable(results: TargetResult[]): string {
  const rows = results.map((r) =>
    r.notRun
      ? [r.name, `not run: ${r.notRun.reason.split('\n')[0]!.slice(0, 300)}`, '–', '–', '–']
      : [
          r.name,
          `${r.description}${r.problems.length ? ` — PROBLEMS: ${r.problems.join('; ')}` : ''}`,
          r.durability,
          fmt(r.startSeconds),
          `${fmt(r.loadAverage.start)} → ${fmt(r.loadAverage.end)}`,
        ],
  );
  return table(['server', 'what ran', 'durability when a PUT is acknowledged', 'start s', 'load average'], rows);
}

/** The machine's own limits, measured in this run: what bounds Strata's PUT at three synced replicas. */
function limitsTable(limits: PhysicalLimits): string {
  const sync = (rate: PhysicalLimits['sync1MiB'], label: string): string[] => [
    `disk: write + fdatasync of ${label} blocks, one after another, appended to one file`,
    `${fmt(rate.mibPerSec)} MiB/s, ${fmt(rate.syncsPerSec)} syncs/s (${rate.syncs} in ${fmt(rate.seconds)} s)`,
    label === '1 MiB' ? `${fmt(rate.mibPerSec / STRATA_REPLICAS)} MiB/s` : `${fmt(rate.syncsPerSec / STRATA_REPLICAS)} PUTs/s (without group commit)`,
  ];
  return [
    `Measured in \`${limits.dir}\` (the temp dir every server stores in) and on 127.0.0.1.`,
    '',
    table(
      ['limit', 'measured', `bound on a PUT at ${STRATA_REPLICAS} replicas on this disk (÷ ${STRATA_REPLICAS})`],
      [
        sync(limits.sync1MiB, '1 MiB'),
        sync(limits.sync4KiB, '4 KiB'),
        ['loopback TCP: one Node socket pair, 1 MiB writes, receiver in its own process', `${fmt(limits.loopbackTcpMiBPerSec)} MiB/s`, '–'],
      ],
    ),
  ].join('\n');
}

/** Every phase with wrong answers: how many, and the first of them. */
function errorTable(results: TargetResult[]): string {
  const rows = results.flatMap((r) =>
    r.phases
      .filter((p) => p.errorCount > 0)
      .map((p) => [r.name, `${p.op} ${p.label}`, String(p.errorCount), (p.errors[0] ?? '').replace(/\s+/g, ' ').slice(0, 200)]),
  );
  return rows.length ? table(['server', 'phase', 'errors', 'first'], rows) : 'None: every answer of every server passed its checks.';
}

function memoryTable(results: TargetResult[]): string {
  const rows = results.flatMap((r) => r.memory.map((p) => [r.name, p.label, String(p.pid), fmt(p.peakRssMiB)]));
  return table(['server', 'process', 'pid', 'peak RSS MiB (VmHWM)'], rows);
}

/** The whole report as Markdown: readable in a terminal, and pasted as is into the README. */
export function renderReport(options: { plan: BenchPlan; results: TargetResult[]; limits?: PhysicalLimits; date: string; machine: string }): string {
  const ran = options.results.filter((r) => !r.notRun);
  const checks = checkTargets(options.results, options.limits);
  const parts = [
    `### Bench run ${options.date} (${options.plan.name} plan; ${options.machine})`,
    '#### Servers',
    serverTable(options.results),
    ...(options.limits ? ['#### Physical limits of this machine (measured in this run)', limitsTable(options.limits)] : []),
    '#### Strata ÷ each peer (throughput; above 1× Strata is faster)',
    ratioTable(ran),
    '#### Every phase',
    ...phaseTables(ran),
    "#### Wrong answers (errors of Strata fail the run; a peer's are findings about the peer)",
    errorTable(ran),
    '#### Strata CPU ms per request, by process (user + system, all threads, from /proc)',
    strataCpuTable(ran),
    '#### Strata RSS MiB by phase (highest VmRSS while it ran)',
    strataRssTable(ran),
    '#### ListObjectsV2',
    listTable(ran),
    '#### Peak RSS of every process',
    memoryTable(ran),
    "#### The issue's targets (#15)",
    table(
      ['cell', 'target', 'measured (Strata vs peer)', 'met'],
      checks.map((c) => [c.cell, c.target, c.measured, c.met === undefined ? 'not measured' : c.met ? 'yes' : '**no**']),
    ),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
