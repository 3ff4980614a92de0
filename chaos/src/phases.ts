import type { Clock } from '@strata/common';
import type { ClusterView } from './cluster-view.js';
import { execute, KEY_PREFIXES, KEYS_PER_PREFIX, keyName, prefixName, type LoadDeps, type OpIds } from './load.js';
import { FrontEndChooser, listObjects } from './s3-ops.js';

/** Requests at once while prefilling and reading back. */
const WORKERS = 8;
/** Prefilled objects are this small: a value per key, quickly. */
const PREFILL_BYTES_MAX = 512;
/** How long the run waits for the partition manager to spread the key space over the servers. */
const SPREAD_TIMEOUT_MS = 45_000;
/** Attempts the read-back makes per key before calling it unreadable. */
const READ_BACK_ATTEMPTS_MAX = 5;
const READ_BACK_RETRY_DELAY_MS = 2_000;

const everyKey = (): string[] =>
  Array.from({ length: KEY_PREFIXES * KEYS_PER_PREFIX }, (_, i) => keyName(Math.floor(i / KEYS_PER_PREFIX), i % KEYS_PER_PREFIX));

/** Runs `work` over `items` with `WORKERS` at once; each worker has a client number of its own. */
async function inParallel<T>(items: readonly T[], work: (item: T, worker: number) => Promise<void>, firstClient: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, i) => {
      while (next < items.length) await work(items[next++]!, firstClient + i);
    }),
  );
}

/** The client numbers the phases use, after the load's. */
const PREFILL_CLIENT = 100;
const READ_BACK_CLIENT = 200;

/**
 * Writes a small value under every key before the load starts, so reads find values and the
 * partition manager has entries to split on. Recorded in the history like any request.
 */
export async function prefill(deps: LoadDeps, ids: OpIds): Promise<number> {
  const keys = everyKey();
  await inParallel(
    keys,
    async (key, client) => {
      const write = `f-${key}`;
      const chooser = new FrontEndChooser(deps.frontEnds, client, () => deps.clock.monotonicMs());
      const sizeBytes = 16 + ((key.length * 37 + client) % PREFILL_BYTES_MAX);
      await execute(deps, { id: ids.take(), client, kind: 'put', key }, { write, body: deps.payload.body(write, sizeBytes) }, chooser);
    },
    PREFILL_CLIENT,
  );
  return keys.length;
}

/** Waits (bounded) until the key space is cut into partitions on at least two servers; says what it got. */
export async function spreadPartitions(view: ClusterView, clock: Clock): Promise<string> {
  const started = clock.monotonicMs();
  let last = 'no partition map';
  while (clock.monotonicMs() - started < SPREAD_TIMEOUT_MS) {
    const partitions = await view.partitions().catch(() => []);
    const owners = new Set(partitions.map((p) => p.ownerId));
    last = `${partitions.length} partitions on ${owners.size} servers`;
    if (partitions.length >= 3 && owners.size >= 2) return last;
    await clock.sleep(1_000);
  }
  return `${last} (the manager did not spread them within ${SPREAD_TIMEOUT_MS / 1000} s)`;
}

/** Lists every prefix through every front-end: undefined when all answer, else what did not. */
export async function probeEveryFrontEnd(deps: LoadDeps): Promise<string | undefined> {
  for (const frontEnd of deps.frontEnds) {
    for (let prefix = 0; prefix < KEY_PREFIXES; prefix++) {
      const answer = await listObjects(deps.transport, frontEnd, AbortSignal.timeout(10_000), prefixName(prefix)).catch((error: unknown) => ({
        outcome: 'unknown',
        error: (error as Error).message,
      }));
      if (answer.outcome !== 'ok') return `${frontEnd.id} could not list ${prefixName(prefix)}: ${answer.error ?? ''}`;
    }
  }
  return undefined;
}

/**
 * After convergence: GETs every key (retrying a failed read a few times) and lists every
 * prefix, all recorded as `final`, so the checker holds the stamp's final state against every
 * acknowledged write.
 */
export async function readBack(deps: LoadDeps, ids: OpIds): Promise<void> {
  await inParallel(
    everyKey(),
    async (key, client) => {
      const chooser = new FrontEndChooser(deps.frontEnds, client, () => deps.clock.monotonicMs());
      for (let attempt = 1; attempt <= READ_BACK_ATTEMPTS_MAX; attempt++) {
        const op = await execute(deps, { id: ids.take(), client, kind: 'get', key, final: true }, {}, chooser);
        if (op.outcome === 'ok') return;
        await deps.clock.sleep(READ_BACK_RETRY_DELAY_MS);
      }
    },
    READ_BACK_CLIENT,
  );
  const chooser = new FrontEndChooser(deps.frontEnds, 0, () => deps.clock.monotonicMs());
  for (let prefix = 0; prefix < KEY_PREFIXES; prefix++) {
    await execute(deps, { id: ids.take(), client: READ_BACK_CLIENT, kind: 'list', key: prefixName(prefix), final: true }, {}, chooser);
  }
}
