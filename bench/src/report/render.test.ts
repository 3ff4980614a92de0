import { describe, expect, it } from 'vitest';
import type { PhaseResult } from '../load/run-phase.js';
import { QUICK_PLAN } from '../plan.js';
import type { TargetResult } from '../run-target.js';
import { renderReport } from './render.js';
import type { PhysicalLimits } from '../limits/physical-limits.js';
import { checkTargets } from './targets.js';

const latency = { p50: 1, p99: 2, max: 3, mean: 1.5 };

function phase(op: 'PUT' | 'GET', label: string, opsPerSec: number, sizeBytes: number): TargetResult['phases'][number] {
  const result: PhaseResult = {
    op,
    sizeBytes,
    concurrency: 2,
    planned: 10,
    completed: 10,
    elapsedMs: 1000,
    opsPerSec,
    mibPerSec: (opsPerSec * sizeBytes) / 2 ** 20,
    latencyMs: latency,
    verifiedObjects: 0,
    errorCount: 0,
    errors: [],
    cutByDeadline: false,
    ...(op === 'GET' ? { ttfbMs: latency } : {}),
  };
  return { ...result, label, startedAtNs: '0', endedAtNs: '1', cpuSeconds: { main: 0.5, helper: 0.25 }, rssMiB: { main: 100 } };
}

/** A server whose every phase runs at `scale` × a base rate (the hot-key phase too). */
function server(name: string, scale: number, peakRssMiB: number): TargetResult {
  const sizes = [
    ['4 KiB', 4096],
    ['1 MiB', 2 ** 20],
    ['64 MiB', 2 ** 26],
  ] as const;
  return {
    name,
    description: name,
    durability: name === 'strata' ? '3 replicas, synced' : 'one copy',
    startSeconds: 1,
    problems: [],
    loadAverage: { start: 1, end: 1 },
    phases: [
      ...sizes.flatMap(([label, bytes]) => [phase('PUT', label, 100 * scale, bytes), phase('GET', label, 200 * scale, bytes)]),
      phase('GET', '4 KiB Zipf hot keys', 300 * scale, 4096),
    ],
    memory: [
      { label: `${name}-main`, pid: 1, peakRssMiB },
      { label: 'etcd/etcd', pid: 2, peakRssMiB: 900 },
    ],
  };
}

const limits = (mibPerSec1MiB: number, syncsPerSec4KiB: number): PhysicalLimits => ({
  dir: '/tmp/x',
  sync1MiB: { blockBytes: 2 ** 20, syncs: 10, seconds: 1, syncsPerSec: mibPerSec1MiB, mibPerSec: mibPerSec1MiB },
  sync4KiB: { blockBytes: 4096, syncs: 10, seconds: 1, syncsPerSec: syncsPerSec4KiB, mibPerSec: (syncsPerSec4KiB * 4096) / 2 ** 20 },
  loopbackTcpMiBPerSec: 1000,
});

describe('checkTargets', () => {
  const all = (strataScale: number) => [
    server('strata', strataScale, 120),
    server('ceph', 1, 500),
    server('swift', 0.5, 500),
    server('azurite', 1, 50),
    server('s3rver', 1.2, 50),
    server('nginx', 2, 5),
  ];

  it('checks every cell of the issue table against the peers, with the factor each cell asks for', () => {
    const checks = checkTargets(all(1.5), limits(10_000, 100_000));
    const met = Object.fromEntries(checks.map((c) => [c.cell, c.met]));
    expect(checks).toHaveLength(12 + 3 + 1 + 3 + 1 + 1);
    expect(met['PUT 4 KiB vs ceph']).toBe(true);
    expect(met['GET 64 MiB vs swift']).toBe(true);
    expect(met['GET 1 MiB vs best single-copy peer']).toBe(true); // 1.5 ≥ 1.2 (s3rver, the faster)
    expect(met['GET 64 MiB vs nginx']).toBe(true); // 1.5 / 2 = 0.75 ≥ 0.5
    expect(met['PUT 1 MiB floor']).toBe(true); // 1.5 ≥ 0.75 × 1.2
    expect(met['GET 4 KiB Zipf hot keys vs s3rver']).toBe(false); // 1.5 / 1.2 < 2
    expect(met['memory: every Strata process']).toBe(true); // etcd is not a Strata process
    expect(checks.find((c) => c.cell === 'GET 4 KiB vs best single-copy peer')!.measured).toBe('300 vs 240 (s3rver) ops/s: 1.25×');
  });

  it('holds PUT to 0.8× the disk limit for three synced replicas when that is below 0.75× s3rver', () => {
    // 1 MiB: s3rver 120 MiB/s, 0.75× = 90; disk 150 MiB/s ÷ 3 = 50, so the floor is 0.8 × 50 = 40.
    const checks = checkTargets(all(0.41), limits(150, 100_000));
    const floor = checks.find((c) => c.cell === 'PUT 1 MiB floor')!;
    expect(floor.target).toMatch(/^≥ 0.8× disk limit \(fdatasync ÷ 3 = 50.0 MiB\/s, below 0.75× s3rver = 90.0\)/);
    expect(floor.met).toBe(true); // 41 ≥ 40
    expect(checks.find((c) => c.cell === 'PUT 4 KiB floor')!.target).toMatch(/^≥ 0.75× s3rver/);
  });

  it('says not measured for cells whose peer did not run, and fails the memory cell above 300 MiB', () => {
    const checks = checkTargets([server('strata', 1, 301), { ...server('ceph', 1, 1), notRun: { reason: 'ceph is not installed', installed: false } }]);
    expect(checks.filter((c) => c.met === undefined)).toHaveLength(checks.length - 1);
    expect(checks.at(-1)).toMatchObject({ met: false, measured: 'max 301 MiB (strata-main)' });
  });
});

describe('renderReport', () => {
  it('puts every server side by side per phase with Strata’s ratio to each', () => {
    const s3rver = server('s3rver', 2, 50);
    s3rver.phases[1] = { ...s3rver.phases[1]!, errorCount: 3, errors: ['GET #7: status 500:\n<Error>'] };
    const text = renderReport({
      plan: QUICK_PLAN,
      results: [
        server('strata', 1, 100),
        s3rver,
        { ...server('ceph', 1, 1), notRun: { reason: 'ceph is not installed: apt-get install ceph-osd', installed: false } },
      ],
      limits: limits(300, 1200),
      date: '2026-01-01T00:00:00Z',
      machine: 'test',
    });
    expect(text).toContain('### Bench run 2026-01-01T00:00:00Z (quick plan; test)');
    expect(text).toContain('| PUT 4 KiB | 100 ops/s, 0.39 MiB/s | 0.50× |');
    expect(text).toContain('| s3rver | 400 | 1.56 | 1.00 | 2.00 | 1.00 / 2.00 | 75.0 | 0.50× | 3 errors |');
    expect(text).toContain('| s3rver | GET 4 KiB | 3 | GET #7: status 500: <Error> |');
    expect(text).toContain('| phase | main | helper | all |');
    expect(text).toContain('| PUT 4 KiB | 50.0 | 25.0 | 75.0 |');
    expect(text).toContain('| GET 4 KiB Zipf hot keys vs s3rver | ≥ 2× s3rver | 300 vs 600 ops/s: 0.50× | **no** |');
    expect(text).toContain('| PUT 64 MiB vs ceph | ≥ 1.0× ceph | not measured | not measured |');
    expect(text).toContain('| ceph | not run: ceph is not installed: apt-get install ceph-osd | – | – | – |');
    expect(text).toContain(
      '| disk: write + fdatasync of 1 MiB blocks, one after another, appended to one file | 300 MiB/s, 300 syncs/s (10 in 1.00 s) | 100 MiB/s |',
    );
    expect(text).not.toMatch(/strata ÷ ceph/);
    expect(text).toContain('| strata | strata | 3 replicas, synced | 1.00 | 1.00 → 1.00 |');
  });
});
