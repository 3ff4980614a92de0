import { LaunchError } from './launch-error.js';

/**
 * When the launcher restarts a process that died, and when it stops trying: the decision
 * alone, with no process or timer in it, so that it can be tested with made-up times.
 */
export interface RestartPolicy {
  /** Restarts in a row after which a process that keeps dying is left down (a crash loop). */
  restartsMax: number;
  /** The wait before the first restart of a row; each further one in the row waits twice as long. */
  backoffBaseMs: number;
  /** The longest wait between two restarts. */
  backoffMaxMs: number;
  /** A process that ran this long was healthy: if it dies afterwards, a new row begins. */
  stableAfterMs: number;
}

/**
 * A short first wait, so a role killed once is back within about a second (its clients are
 * waiting); doubling, so a role that dies at once does not spin the machine; five restarts
 * in a row (about 8 s of waiting) tell a crash loop from bad luck; a minute of running
 * forgives the past.
 */
export const RESTART_POLICY_DEFAULTS: RestartPolicy = {
  restartsMax: 5,
  backoffBaseMs: 250,
  backoffMaxMs: 8_000,
  stableAfterMs: 60_000,
};

export type RestartDecision =
  /** Restart after `delayMs`; it is the `inRow`th restart of the current row. */
  | { kind: 'restart'; delayMs: number; inRow: number }
  /** `inRow` restarts in a row did not keep the process up: leave it down. */
  | { kind: 'give-up'; inRow: number };

/**
 * What to do about a process that just died (or failed to start again): `inRow` restarts of
 * the current row were made already, and the process ran `ranForMs` this time (0 when it
 * never became ready).
 */
export function decideRestart(policy: RestartPolicy, died: { inRow: number; ranForMs: number }): RestartDecision {
  const before = died.ranForMs >= policy.stableAfterMs ? 0 : died.inRow;
  if (before >= policy.restartsMax) return { kind: 'give-up', inRow: before };
  const delayMs = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** before);
  return { kind: 'restart', delayMs, inRow: before + 1 };
}

/** Throws on a policy that cannot work (a bad option of the launcher, named in the message). */
export function checkRestartPolicy(policy: RestartPolicy): void {
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 0) throw new LaunchError(`supervision.${name} must be a non-negative integer, got ${String(value)}`);
  }
  if (policy.backoffMaxMs < policy.backoffBaseMs) throw new LaunchError('supervision.backoffMaxMs must be at least supervision.backoffBaseMs');
}
