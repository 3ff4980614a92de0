import { describe, expect, it } from 'vitest';
import type { PhaseResult } from '../load/run-phase.js';
import { QUICK_PLAN } from '../plan.js';
import type { TargetResult } from '../run-target.js';
import { renderReport } from './render.js';
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

/** A server whose every phase runs at `scale` × a base rate. */
function server(name: string, scale: number, peakRssMiB: number): TargetResult {
  const sizes = [
    ['4 KiB', 4096],
    ['1 MiB', 2 ** 20],
    ['64 MiB', 2 ** 26],
  ] as const;
  return {
    name,
    description: name,
    startSeconds: 1,
    problems: [],
    loadAverage: { start: 1, end: 1 },
    phases: sizes.flatMap(([label, bytes]) => [phase('PUT', label, 100 * scale, bytes), phase('GET', label, 200 * scale, bytes)]),
    memory: [
      { label: `${name}-main`, pid: 1, peakRssMiB },
      { label: 'etcd/etcd', pid: 2, peakRssMiB: 900 },
    ],
  };
}

describe('checkTargets', () => {
  it('checks every cell of the issue table against the peers, with the factor each cell asks for', () => {
    const checks = checkTargets([server('strata', 1.5, 120), server('azurite', 1, 50), server('s3rver', 1, 50), server('nginx', 2, 5)]);
    const met = Object.fromEntries(checks.map((c) => [c.cell, c.met]));
    expect(met['PUT 1 MiB MiB/s vs azurite']).toBe(true);
    expect(met['GET 64 MiB MiB/s vs nginx']).toBe(true); // 1.5 / 2 = 0.75 ≥ 0.5
    expect(met['PUT 4 KiB ops/s vs s3rver']).toBe(true);
    expect(met['GET 4 KiB ops/s vs s3rver']).toBe(false); // 1.5× < 2×
    expect(met['memory: every Strata process']).toBe(true); // etcd is not a Strata process
    expect(checks).toHaveLength(12);
  });

  it('says n/a for cells whose peer was not run, and fails the memory cell above 300 MiB', () => {
    const checks = checkTargets([server('strata', 1, 301)]);
    expect(checks.filter((c) => c.met === undefined)).toHaveLength(11);
    expect(checks.at(-1)).toMatchObject({ met: false, measured: 'max 301 MiB (strata-main)' });
  });
});

describe('renderReport', () => {
  it('puts every server side by side per phase with Strata’s ratio to each', () => {
    const text = renderReport({
      plan: QUICK_PLAN,
      results: [server('strata', 1, 100), server('s3rver', 2, 50)],
      date: '2026-01-01T00:00:00Z',
      machine: 'test',
    });
    expect(text).toContain('### Bench run 2026-01-01T00:00:00Z (quick plan; test)');
    expect(text).toContain('| PUT 4 KiB | 100 ops/s, 0.39 MiB/s | 0.50× |');
    expect(text).toContain('| s3rver | 400 | 1.56 | 1.00 | 2.00 | 1.00 / 2.00 | 75.0 | 0.50× |  |');
    expect(text).toContain('| phase | main | helper | all |');
    expect(text).toContain('| PUT 4 KiB | 50.0 | 25.0 | 75.0 |');
    expect(text).toContain('| GET 4 KiB ops/s vs s3rver | ≥ 2× s3rver | 200 vs 400 (0.50×) | **no** |');
  });
});
