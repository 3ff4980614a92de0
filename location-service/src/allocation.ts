import { LocationError } from './errors.js';
import { UTILISATION_BAND } from './limits.js';
import { utilisationOf, type StampRecord } from './records.js';

export interface AllocationPolicy {
  /** Stamps above this utilisation take no new accounts. */
  utilisationMax: number;
  /** Stamps whose last report is older than this take no new accounts. */
  staleMs: number;
  nowMs: number;
}

/**
 * The stamp a new account goes to: among the stamps that reported recently and are at or
 * below the utilisation threshold, the least used (in bands of {@link UTILISATION_BAND}),
 * then the one with fewest accounts, then the lowest id (so the choice is deterministic).
 * Throws NO_STAMP_AVAILABLE, saying why of each stamp, when none qualifies.
 */
export function chooseStamp(stamps: readonly StampRecord[], accountsPerStamp: ReadonlyMap<string, number>, policy: AllocationPolicy): string {
  const reasons: string[] = [];
  const eligible = stamps.filter((stamp) => {
    const utilisation = utilisationOf(stamp);
    if (stamp.reportedMs === 0 || policy.nowMs - stamp.reportedMs > policy.staleMs)
      reasons.push(`${stamp.stampId}: no report in the last ${policy.staleMs} ms`);
    else if (stamp.capacityBytes <= 0) reasons.push(`${stamp.stampId}: no capacity reported`);
    else if (utilisation > policy.utilisationMax)
      reasons.push(`${stamp.stampId}: ${percent(utilisation)} used, above the ${percent(policy.utilisationMax)} threshold`);
    else return true;
    return false;
  });
  if (eligible.length === 0) {
    throw new LocationError('NO_STAMP_AVAILABLE', stamps.length === 0 ? 'no stamp is registered' : `no stamp can take a new account (${reasons.join('; ')})`);
  }
  const band = (stamp: StampRecord): number => Math.floor(utilisationOf(stamp) / UTILISATION_BAND);
  const accounts = (stamp: StampRecord): number => accountsPerStamp.get(stamp.stampId) ?? 0;
  const [chosen] = [...eligible].sort((a, b) => band(a) - band(b) || accounts(a) - accounts(b) || a.stampId.localeCompare(b.stampId));
  return chosen!.stampId;
}

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;
