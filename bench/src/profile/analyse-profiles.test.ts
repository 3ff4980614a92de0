import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cpuSnapshot, readCpuSeconds, readMemoryKiB } from '../load/process-memory.js';
import type { TargetResult } from '../run-target.js';
import { analyseProfiles } from './analyse-profiles.js';

/** A V8 profile of one process: `frames` sampled one after another, 1 ms apart, from `startUs`. */
function profile(startUs: number, frames: string[]): string {
  const names = [...new Set(frames)];
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: names.map((_, i) => i + 2) },
    ...names.map((name, i) => ({
      id: i + 2,
      callFrame: { functionName: name, url: name.startsWith('(') ? '' : 'file:///x/node_modules/@grpc/grpc-js/build/src/call.js', lineNumber: 9 },
    })),
  ];
  return JSON.stringify({
    nodes,
    startTime: startUs,
    endTime: startUs + frames.length * 1000,
    samples: frames.map((f) => names.indexOf(f) + 2),
    timeDeltas: frames.map(() => 1000),
  });
}

describe('analyseProfiles', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('cuts each process profile at the phase bounds and ranks self time, idle left out', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-bench-test-'));
    // Phase from 10 ms to 20 ms: 4 × write, 2 × GC and 4 × idle inside; 10 samples of `outside` before it.
    const frames = [
      ...Array<string>(10).fill('outside'),
      'write',
      'write',
      '(garbage collector)',
      'write',
      '(idle)',
      '(idle)',
      'write',
      '(idle)',
      '(idle)',
      '(garbage collector)',
    ];
    await writeFile(join(dir, 'CPU.20260101.000000.4242.0.001.cpuprofile'), profile(0, frames));
    const phase = {
      op: 'PUT',
      label: '4 KiB',
      sizeBytes: 4096,
      concurrency: 1,
      planned: 10,
      completed: 10,
      elapsedMs: 10,
      opsPerSec: 1000,
      mibPerSec: 3.9,
      latencyMs: { p50: 1, p99: 1, max: 1, mean: 1 },
      verifiedObjects: 0,
      errorCount: 0,
      errors: [],
      cutByDeadline: false,
      startedAtNs: String(10_500_000),
      endedAtNs: String(20_500_000),
      cpuSeconds: { 'en-1': 0.006 },
      rssMiB: {},
    } as const;
    const results = { name: 'strata', phases: [phase], memory: [{ label: 'en-1', pid: 4242, peakRssMiB: 1 }] } as unknown as TargetResult;
    const text = await analyseProfiles({ dir, results });
    expect(text).toContain('| en-1 | 0.01 | 60.0 | 600 | 60.0 | 33.3 |');
    expect(text).toContain('By owner: @grpc/grpc-js 66.7%, (garbage collector) 33.3%');
    expect(text).toContain('| 66.7% | 400 | `write @grpc/grpc-js/build/src/call.js:10` |');
    expect(text).not.toContain('outside');
  });
});

describe('process accounting', () => {
  it('reads this process’s peak RSS and CPU time from /proc', () => {
    expect(readMemoryKiB(process.pid)!.peakKiB).toBeGreaterThan(1024);
    expect(readCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(cpuSnapshot([{ label: 'me', pid: process.pid }]).get('me')).toBeGreaterThan(0);
    expect(readMemoryKiB(2 ** 22 + 1)).toBeUndefined();
  });
});
