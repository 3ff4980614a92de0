import { isStrataError, rethrowIfAssertion } from '@strata/common';
import type { FrontEndDeps } from './server.js';

/**
 * Why the front-end cannot serve yet, or undefined when it can: it needs a partition map,
 * accounts to authenticate, and the partition holding the first key answering.
 */
export async function probeReadiness(deps: Pick<FrontEndDeps, 'map' | 'partitions'>): Promise<string | undefined> {
  if (!deps.map.ready) return 'no partition map or no partition server yet';
  try {
    await deps.partitions.getContainer({ account: 'probe', container: 'probe' });
    return undefined;
  } catch (error) {
    rethrowIfAssertion(error);
    if (isStrataError(error, ['NO_SUCH_CONTAINER'])) return undefined;
    return `partition not serving: ${(error as Error).message}`;
  }
}
