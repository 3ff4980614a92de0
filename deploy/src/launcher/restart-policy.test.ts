import { describe, expect, it } from 'vitest';
import { checkRestartPolicy, decideRestart, RESTART_POLICY_DEFAULTS, type RestartPolicy } from './restart-policy.js';

const policy: RestartPolicy = { restartsMax: 3, backoffBaseMs: 100, backoffMaxMs: 300, stableAfterMs: 10_000 };

describe('decideRestart', () => {
  it('restarts a process that dies for the first time after the base wait', () => {
    expect(decideRestart(policy, { inRow: 0, ranForMs: 5 })).toEqual({ kind: 'restart', delayMs: 100, inRow: 1 });
  });

  it('doubles the wait with each restart in a row, up to the longest wait', () => {
    const delays = [0, 1, 2].map((inRow) => decideRestart(policy, { inRow, ranForMs: 0 }));
    expect(delays).toEqual([
      { kind: 'restart', delayMs: 100, inRow: 1 },
      { kind: 'restart', delayMs: 200, inRow: 2 },
      { kind: 'restart', delayMs: 300, inRow: 3 },
    ]);
  });

  it('gives up after restartsMax restarts in a row (a crash loop)', () => {
    expect(decideRestart(policy, { inRow: 3, ranForMs: 9_999 })).toEqual({ kind: 'give-up', inRow: 3 });
  });

  it('starts a new row for a process that ran stableAfterMs before it died', () => {
    expect(decideRestart(policy, { inRow: 3, ranForMs: 10_000 })).toEqual({ kind: 'restart', delayMs: 100, inRow: 1 });
  });

  it('never restarts with restartsMax 0', () => {
    expect(decideRestart({ ...policy, restartsMax: 0 }, { inRow: 0, ranForMs: 60_000 })).toEqual({ kind: 'give-up', inRow: 0 });
  });
});

describe('checkRestartPolicy', () => {
  it('accepts the defaults', () => {
    expect(() => checkRestartPolicy(RESTART_POLICY_DEFAULTS)).not.toThrow();
  });

  it('names the bad field in one line', () => {
    expect(() => checkRestartPolicy({ ...policy, backoffBaseMs: -1 })).toThrow(/^supervision\.backoffBaseMs must be a non-negative integer, got -1$/);
    expect(() => checkRestartPolicy({ ...policy, backoffMaxMs: 50 })).toThrow(/^supervision\.backoffMaxMs must be at least supervision\.backoffBaseMs$/);
  });
});
