import { PartitionManagerClient } from '@strata/partition-layer';
import { PartitionHarness } from './partition-harness.js';
import { MiB } from './reclamation.js';
import { StreamHarness } from './stream-harness.js';
import { startTestStamp, type TestStamp } from './test-stamp.js';

/** A stamp set up for space reclamation tests, with handles on its partition and stream layers. */
export interface ReclamationStamp {
  t: TestStamp;
  p: PartitionHarness;
  h: StreamHarness;
  /** The partition manager's client (`gc run`, `split`...). */
  operator: PartitionManagerClient;
  close: () => Promise<void>;
}

/** How long a condemned extent stays before its replicas go, in these stamps. */
export const GARBAGE_GRACE_MS = 3_000;
/** How often these stamps' stream manager runs a repair round. */
export const REPAIR_INTERVAL_MS = 300;

/**
 * Starts a stamp whose reclamation runs when the test says: 2 MiB extents (a little data seals
 * many), condemned extents deleted 3 s after release, no background rounds and no automatic
 * splits or moves; `env` adds to or overrides that.
 */
export async function startReclamationStamp(env: Record<string, string> = {}): Promise<ReclamationStamp> {
  const t = await startTestStamp({
    env: {
      STRATA_EXTENT_SIZE_MAX_BYTES: String(2 * MiB),
      STRATA_GARBAGE_GRACE_MS: String(GARBAGE_GRACE_MS),
      STRATA_REPAIR_INTERVAL_MS: String(REPAIR_INTERVAL_MS),
      STRATA_GC_INTERVAL_MS: '3600000',
      STRATA_GC_LIVE_RATIO_MIN: '0.6',
      STRATA_AUTO_BALANCE: 'false',
      ...env,
    },
  });
  const p = await PartitionHarness.open(t.stamp).catch(async (error: unknown) => {
    await t.destroy();
    throw error;
  });
  const h = new StreamHarness(t.stamp);
  const operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
  const close = async (): Promise<void> => {
    operator.close();
    h.close();
    await p.close();
    await t.destroy();
  };
  return { t, p, h, operator, close };
}
