import { describe, expect, it } from 'vitest';
import { checkHistory } from './checker.js';
import type { HistoryEntry, Op } from './history.js';
import { buildReport, longestOutageMs, summaryLine } from './report.js';

const op = (id: number, invokeMs: number, completeMs: number, outcome: Op['outcome'], extra: Partial<Op> = {}): Op =>
  ({ type: 'op', id, client: 0, frontEnd: 'fe-1', kind: 'get', key: 'k', invokeMs, completeMs, outcome, found: false, ...extra }) as Op;

describe('longestOutageMs', () => {
  it('is the longest stretch of the window without a successful answer', () => {
    const ops = [op(1, 0, 1_000, 'ok'), op(2, 1_000, 4_000, 'unknown'), op(3, 1_500, 6_000, 'ok'), op(4, 6_000, 6_500, 'ok')];
    expect(longestOutageMs(ops, { startMs: 0, endMs: 7_000 })).toBe(5_000);
  });

  it('counts from the start of the window and stops at its end', () => {
    expect(longestOutageMs([op(1, 0, 3_000, 'ok'), op(2, 3_000, 20_000, 'ok')], { startMs: 0, endMs: 10_000 })).toBe(7_000);
  });
});

describe('buildReport and summaryLine', () => {
  it('counts the load only, and says PASS only for a clean, converged run', () => {
    const entries: HistoryEntry[] = [
      { type: 'phase', atMs: 0, phase: 'prefill' },
      op(1, 1, 2, 'ok', { kind: 'put', write: 'f-k', sizeBytes: 3, sha256: 's', etag: 'e' } as Partial<Op>),
      { type: 'phase', atMs: 10, phase: 'load' },
      op(2, 11, 20, 'ok', { kind: 'put', write: 'w1', sizeBytes: 5, sha256: 's1', etag: 'e1' } as Partial<Op>),
      op(3, 21, 30, 'unknown', { kind: 'delete', write: 'd1' } as Partial<Op>),
      { type: 'phase', atMs: 40, phase: 'heal' },
      { type: 'phase', atMs: 50, phase: 'read-back' },
      op(4, 51, 52, 'ok', { kind: 'get', found: true, write: 'w1', sha256: 's1', sizeBytes: 5, final: true } as Partial<Op>),
    ];
    const faults = new Map([
      ['kill-extent-node', 3],
      ['kill-partition-server', 1],
      ['pause-extent-node', 2],
      ['restart-etcd', 1],
    ]);
    const report = buildReport({
      seed: 42,
      durationS: 30,
      faultFlags: [],
      entries,
      check: checkHistory(entries),
      faults,
      convergence: { converged: true, elapsedMs: 11_400, last: '' },
      peakRss: [
        { id: 'en-2', role: 'extent-node', peakMiB: 410 },
        { id: 'etcd', role: 'etcd', peakMiB: 90 },
        { id: 'en-1', role: 'extent-node', peakMiB: 300 },
      ],
      runDir: '/tmp/run',
    });
    expect(report).toMatchObject({
      ops: 2,
      prefilledKeys: 1,
      ackedPuts: 1,
      ackedPutBytes: 5,
      kills: 5,
      extentNodeKills: 3,
      pauses: 2,
      availability: 0.5,
      passed: true,
      readBack: { keys: 1, unreadable: 0 },
    });
    expect(summaryLine(report)).toBe(
      'chaos seed=42 ops=2 acked_puts=1 multipart=0 kills=5 en_kills=3 pauses=2 crashes=0 lost=0 corrupt=0 stale=0 resurrected=0 list_missing=0 unreadable=0 availability=50.0% max_outage_s=0.0 converged_s=11.4 peak_rss_mib=en:410,etcd:90 PASS',
    );
    const unconverged = buildReport({
      seed: 42,
      durationS: 30,
      faultFlags: [],
      entries,
      check: checkHistory(entries),
      faults,
      convergence: { converged: false, elapsedMs: 180_000, last: '2 extents below 3' },
      runDir: '/tmp/run',
    });
    expect(summaryLine(unconverged)).toMatch(/converged_s=no FAIL$/);
  });
});
