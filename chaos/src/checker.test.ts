import { describe, expect, it } from 'vitest';
import { checkHistory, type AnomalyKind } from './checker.js';
import type { HistoryEntry, Op, Outcome } from './history.js';

/** A small history builder: times are milliseconds, every value is unique as in a real run. */
function history() {
  const entries: HistoryEntry[] = [];
  let id = 0;
  const base = (kind: Op['kind'], key: string, at: [number, number], outcome: Outcome) => ({
    type: 'op' as const,
    id: ++id,
    client: 0,
    frontEnd: 'fe-1',
    kind,
    key,
    invokeMs: at[0],
    completeMs: at[1],
    outcome,
  });
  const sha = (write: string): string => `sha-${write}`;
  const etag = (write: string): string => `md5-${write}`;
  const h = {
    entries,
    put(key: string, write: string, at: [number, number], outcome: Outcome = 'ok') {
      entries.push({ ...base('put', key, at, outcome), kind: 'put', write, sizeBytes: 10, sha256: sha(write), etag: etag(write) });
      return h;
    },
    del(key: string, write: string, at: [number, number], outcome: Outcome = 'ok') {
      entries.push({ ...base('delete', key, at, outcome), kind: 'delete', write });
      return h;
    },
    /** A GET that returned `write`'s value (or, with `bytes`, other bytes under its name), or nothing. */
    get(key: string, write: string | undefined, at: [number, number], options: { bytes?: string; final?: boolean } = {}) {
      const seen = write === undefined ? { found: false } : { found: true, write, sha256: options.bytes ?? sha(write), etag: etag(write), sizeBytes: 10 };
      entries.push({ ...base('get', key, at, 'ok'), kind: 'get', ...seen, ...(options.final ? { final: true } : {}) });
      return h;
    },
    failedRead(key: string, at: [number, number]) {
      entries.push({ ...base('get', key, at, 'unknown'), kind: 'get', final: true, error: '503 ServiceUnavailable' });
      return h;
    },
    list(prefix: string, listed: [string, string][], at: [number, number]) {
      entries.push({ ...base('list', prefix, at, 'ok'), kind: 'list', listed: listed.map(([key, write]) => ({ key, etag: etag(write) })), truncated: false });
      return h;
    },
    anomalies(): Partial<Record<AnomalyKind, number>> {
      return Object.fromEntries(Object.entries(checkHistory(entries).counts).filter(([, count]) => count > 0));
    },
  };
  return h;
}

describe('checkHistory', () => {
  it('passes a history where every read sees the latest acknowledged write', () => {
    const h = history()
      .put('a', 'w1', [0, 10])
      .get('a', 'w1', [20, 30])
      .put('a', 'w2', [40, 50])
      .get('a', 'w2', [60, 70])
      .del('a', 'd1', [80, 90])
      .get('a', undefined, [100, 110])
      .list('', [], [120, 130]);
    expect(h.anomalies()).toEqual({});
  });

  it('accepts either value from a read concurrent with a write, and a write whose outcome is unknown taking effect late', () => {
    const h = history()
      .put('a', 'w1', [0, 10])
      .put('a', 'w2', [20, 60])
      .get('a', 'w1', [30, 40])
      .get('a', 'w2', [35, 45])
      .put('b', 'w3', [0, 10])
      .put('b', 'w4', [20, 30], 'unknown')
      .get('b', 'w3', [40, 50])
      .get('b', 'w4', [60, 70])
      .get('b', 'w3', [80, 90]);
    // w4 may land between the two reads of w3... but not both before and after: that is caught below.
    expect(h.anomalies()).toEqual({ stale: 1 });
  });

  it('accepts a read that finds nothing when a DELETE of unknown outcome may have landed', () => {
    const h = history().put('a', 'w1', [0, 10]).del('a', 'd1', [20, 30], 'unknown').get('a', undefined, [40, 50]).list('', [], [60, 70]);
    expect(h.anomalies()).toEqual({});
  });

  it('flags a lost write: an acknowledged PUT that the read-back finds missing', () => {
    const h = history().put('a', 'w1', [0, 10]).get('a', 'w1', [20, 30]).get('a', undefined, [1000, 1010], { final: true });
    expect(h.anomalies()).toEqual({ lost: 1 });
  });

  it('flags a stale read: an older value after a newer one was acknowledged', () => {
    const h = history().put('a', 'w1', [0, 10]).put('a', 'w2', [20, 30]).get('a', 'w1', [40, 50]);
    const result = checkHistory(h.entries);
    expect(result.counts.stale).toBe(1);
    expect(result.anomalies[0]!.detail).toContain('overwritten by PUT w2');
  });

  it('flags a resurrected delete, in a read and in a listing', () => {
    const h = history()
      .put('a', 'w1', [0, 10])
      .del('a', 'd1', [20, 30])
      .get('a', 'w1', [40, 50])
      .list('', [['a', 'w1']], [60, 70]);
    expect(h.anomalies()).toEqual({ resurrected: 2 });
  });

  it('flags bytes that were never written: wrong bytes under a real write, or a write nobody made', () => {
    const h = history()
      .put('a', 'w1', [0, 10])
      .get('a', 'w1', [20, 30], { bytes: 'sha-garbage' })
      .get('a', 'w9', [40, 50])
      .put('b', 'w2', [0, 10], 'fail')
      .get('b', 'w2', [20, 30]);
    const result = checkHistory(h.entries);
    expect(result.counts.corrupt).toBe(3);
    expect(result.anomalies.map((a) => a.detail)).toEqual([
      'returned w1 with a SHA-256 other than the one written',
      'returned w9, which no PUT of this key wrote',
      'returned w2, a PUT that failed',
    ]);
  });

  it('flags a listing missing a key acknowledged before it began', () => {
    const h = history()
      .put('p/a', 'w1', [0, 10])
      .put('p/b', 'w2', [0, 10])
      .list('p/', [['p/a', 'w1']], [20, 30]);
    const result = checkHistory(h.entries);
    expect(result.counts).toMatchObject({ 'list-missing': 1, lost: 0 });
    expect(result.anomalies[0]!.key).toBe('p/b');
  });

  it('does not require a listing to show a key written while it ran, nor a key under another prefix', () => {
    const h = history().put('p/a', 'w1', [15, 40]).put('q/a', 'w2', [0, 10]).list('p/', [], [20, 30]);
    expect(h.anomalies()).toEqual({});
  });

  it('flags a key that every read-back failed to read, but not one read on a retry', () => {
    const h = history()
      .put('a', 'w1', [0, 10])
      .failedRead('a', [100, 110])
      .failedRead('a', [120, 130])
      .put('b', 'w2', [0, 10])
      .failedRead('b', [100, 110])
      .get('b', 'w2', [120, 130], { final: true });
    expect(h.anomalies()).toEqual({ unreadable: 1 });
  });

  it('plants a lost write and a stale read into one history and flags both', () => {
    const h = history()
      .put('k1', 'w1', [0, 10])
      .put('k2', 'w2', [0, 10])
      .put('k2', 'w3', [20, 30])
      .get('k2', 'w2', [40, 50]) // stale: w3 was acknowledged before
      .get('k1', undefined, [60, 70], { final: true }); // lost: w1 was acknowledged, never deleted
    expect(h.anomalies()).toEqual({ lost: 1, stale: 1 });
  });
});
