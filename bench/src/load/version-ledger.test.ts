import { describe, expect, it } from 'vitest';
import { VersionLedger } from './version-ledger.js';

describe('VersionLedger.judge', () => {
  it('accepts the initial version of an object nobody overwrote', () => {
    const ledger = new VersionLedger();
    expect(ledger.judge({ object: 3, version: 0, sentAtMs: 10, doneAtMs: 20 })).toEqual({ ok: true, version: 0 });
  });

  it('accepts either version while an overwrite is in flight or acknowledged during the GET', () => {
    const ledger = new VersionLedger();
    const v1 = ledger.planVersion(3);
    ledger.putSent(3, v1, 10);
    expect(ledger.judge({ object: 3, version: 0, sentAtMs: 12, doneAtMs: 20 }).ok).toBe(true);
    expect(ledger.judge({ object: 3, version: 1, sentAtMs: 12, doneAtMs: 20 }).ok).toBe(true);
    ledger.putAcked(3, v1, 15);
    expect(ledger.judge({ object: 3, version: 0, sentAtMs: 12, doneAtMs: 20 }).ok).toBe(true);
  });

  it('rejects the old version once the overwrite was acknowledged before the GET was sent', () => {
    const ledger = new VersionLedger();
    ledger.putSent(3, ledger.planVersion(3), 10);
    ledger.putAcked(3, 1, 15);
    expect(ledger.judge({ object: 3, version: 0, sentAtMs: 16, doneAtMs: 20 })).toMatchObject({ ok: false, reason: /stale: returned version 0/ });
    expect(ledger.judge({ object: 3, version: 1, sentAtMs: 16, doneAtMs: 20 }).ok).toBe(true);
  });

  it('accepts either of two overlapping overwrites, whichever the server applied last', () => {
    const ledger = new VersionLedger();
    ledger.putSent(3, ledger.planVersion(3), 10);
    ledger.putSent(3, ledger.planVersion(3), 11);
    ledger.putAcked(3, 2, 14);
    ledger.putAcked(3, 1, 15);
    expect(ledger.judge({ object: 3, version: 1, sentAtMs: 20, doneAtMs: 25 }).ok).toBe(true);
    expect(ledger.judge({ object: 3, version: 2, sentAtMs: 20, doneAtMs: 25 }).ok).toBe(true);
    expect(ledger.judge({ object: 3, version: 0, sentAtMs: 20, doneAtMs: 25 }).ok).toBe(false);
  });

  it('rejects a version nobody had sent by the time of the answer, and bytes of no version', () => {
    const ledger = new VersionLedger();
    ledger.putSent(3, ledger.planVersion(3), 30);
    expect(ledger.candidates(3, 20)).toEqual([0]);
    expect(ledger.judge({ object: 3, version: 1, sentAtMs: 10, doneAtMs: 20 }).ok).toBe(false);
    expect(ledger.judge({ object: 3, version: undefined, sentAtMs: 10, doneAtMs: 20 })).toMatchObject({ ok: false, reason: /match no version/ });
  });

  it('numbers versions per object and maps them to distinct payloads', () => {
    const ledger = new VersionLedger(1000);
    expect([ledger.planVersion(1), ledger.planVersion(2), ledger.planVersion(1)]).toEqual([1, 1, 2]);
    expect(ledger.payloadIndex(7, 0)).toBe(7);
    expect(ledger.payloadIndex(7, 2)).toBe(2007);
  });
});
