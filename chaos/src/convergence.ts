import type { Clock } from '@strata/common';
import type { Stamp } from '@strata/deploy';
import type { ClusterView } from './cluster-view.js';

/** How often convergence is looked at. */
const POLL_MS = 1_000;

export interface Convergence {
  converged: boolean;
  elapsedMs: number;
  /** What was still wrong at the last look (empty once converged). */
  last: string;
}

/**
 * Waits, at most `timeoutMs`, until the stamp has healed: every extent is at its full replica
 * count with every replica healthy, every partition is owned by a running partition server,
 * and `probe` (requests through every front-end) answers.
 */
export async function waitForConvergence(deps: {
  view: ClusterView;
  stamp: Stamp;
  clock: Clock;
  replicaCount: number;
  timeoutMs: number;
  probe: () => Promise<string | undefined>;
}): Promise<Convergence> {
  const started = deps.clock.monotonicMs();
  let last = 'not looked at yet';
  while (deps.clock.monotonicMs() - started < deps.timeoutMs) {
    const wrong = await whatIsWrong(deps).catch((error: unknown) => `cannot look: ${(error as Error).message}`);
    if (wrong === undefined) return { converged: true, elapsedMs: deps.clock.monotonicMs() - started, last: '' };
    last = wrong;
    await deps.clock.sleep(POLL_MS);
  }
  return { converged: false, elapsedMs: deps.clock.monotonicMs() - started, last };
}

async function whatIsWrong(deps: {
  view: ClusterView;
  stamp: Stamp;
  replicaCount: number;
  probe: () => Promise<string | undefined>;
}): Promise<string | undefined> {
  const streams = await deps.view.streams();
  // Extents without replicas are ones garbage collection has dropped from every node.
  const short = streams
    .flatMap((stream) => stream.extents)
    .filter((e) => e.replicas.length > 0 && (e.replicas.length < deps.replicaCount || e.replicas.some((r) => !r.healthy)));
  if (short.length > 0)
    return `${short.length} extents below ${deps.replicaCount} healthy replicas (${[...new Set(short.map((e) => e.extentId))].slice(0, 5).join(', ')})`;
  const servers = new Set(
    deps.stamp
      .processes()
      .filter((p) => p.role === 'partition-server')
      .map((p) => p.id),
  );
  const orphans = (await deps.view.partitions()).filter((p) => !servers.has(p.ownerId));
  if (orphans.length > 0) return `partitions without a running owner: ${orphans.map((p) => `${p.partitionId} (${p.ownerId || 'none'})`).join(', ')}`;
  return deps.probe();
}
