import { waitFor } from '@strata/common/testing';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import {
  BlobBytes,
  deleteKey,
  extentsReport,
  foregroundLoad,
  getBytes,
  inParallel,
  MiB,
  nodeSpace,
  percentile,
  putThroughPartitions,
  sha256,
  type NodeSpace,
} from '../helpers/reclamation.js';

import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { pause } from '../helpers/pause.js';

/**
 * 2 GiB of blobs, as the issue asks: about 3 minutes on 2 cores, where a 3-replica PUT costs
 * ~35 ms of CPU per MiB. `STRATA_RECLAIM_TEST_MIB=512` runs the same steps in about a minute
 * while iterating.
 */
const TOTAL_BYTES = Number(process.env.STRATA_RECLAIM_TEST_MIB ?? 2048) * MiB;
/** Generous: the 2 GiB run takes 3 minutes alone and three times that on a shared machine. */
const TEST_TIMEOUT_MS = 1_200_000;
/** About 32 data extents whatever the size, as 2 GiB in 64 MiB extents has. */
const EXTENT_BYTES = Math.max(16 * MiB, Math.min(64 * MiB, TOTAL_BYTES / 32));
/** Stored bytes on each extent node after compaction, at most this times the live bytes it holds... */
const STORED_OVER_LIVE_MAX = 1.3;
/** ...plus the node's own files (its LevelDB under meta/, directories): a few hundred KiB whatever the data. */
const NODE_OWN_BYTES = 1 * MiB;
const NODES = ['en-1', 'en-2', 'en-3', 'en-4'];

/**
 * Space reclamation end to end: 2 GiB of blobs, 90% deleted at random and half the rest
 * overwritten, then compaction gives the space back on every extent node while foreground
 * requests keep running, and every live blob reads back byte for byte.
 */
describe('space reclamation', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let operator: PartitionManagerClient;

  beforeAll(async () => {
    t = await startTestStamp({
      env: {
        STRATA_EXTENT_SIZE_MAX_BYTES: String(EXTENT_BYTES),
        // Condemned extents go 3 s after their release, so the test sees the disk shrink soon.
        STRATA_GARBAGE_GRACE_MS: '3000',
        STRATA_REPAIR_INTERVAL_MS: '500',
        // Rounds run when the test says (`gc run`), so "before" and "after" are well defined.
        STRATA_GC_INTERVAL_MS: '3600000',
        // Every data extent kept is at least 80% live: what the 1.3× bound on stored bytes needs.
        STRATA_GC_LIVE_RATIO_MIN: '0.8',
        STRATA_GC_MIB_PER_SECOND: '16',
      },
    });
    p = await PartitionHarness.open(t.stamp);
    operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
    await t.s3.send(new CreateBucketCommand({ Bucket: 'reclaim' }));
    await t.s3.send(new CreateBucketCommand({ Bucket: 'foreground' }));
  });
  afterAll(async () => {
    operator?.close();
    await p?.close();
    await t?.destroy();
  });

  it(
    `keeps every extent node within 1.3× its live bytes after deleting 90% of ${TOTAL_BYTES / MiB} MiB and overwriting half the rest, every live blob byte-identical`,
    async () => {
      const phases: string[] = [];
      let phaseStarted = performance.now();
      const phase = (name: string): void => {
        phases.push(`${name} ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
        process.stdout.write(`space reclamation: ${phases.at(-1)}\n`);
        phaseStarted = performance.now();
      };
      const bytes = new BlobBytes();
      const account = t.stamp.info.account;
      const sizes: number[] = [];
      for (let total = 0; total < TOTAL_BYTES; total += sizes.at(-1)!) sizes.push(Math.min(TOTAL_BYTES - total, MiB + Math.floor(Math.random() * 2 * MiB)));
      const order = sizes.map((_, i) => i).sort(() => Math.random() - 0.5);
      const survivors = new Set(order.slice(0, Math.ceil(sizes.length / 10)));
      const overwritten = new Set([...survivors].slice(0, Math.floor(survivors.size / 2)));
      const live = new Map<string, string>();
      const keyOf = (i: number): string => `blob/${String(i).padStart(5, '0')}`;
      const smallKeys = Array.from({ length: 100 }, (_, i) => `small/${i}`);
      await inParallel(smallKeys.length, 8, (i) =>
        t.s3.send(new PutObjectCommand({ Bucket: 'foreground', Key: smallKeys[i]!, Body: Buffer.alloc(4096, i) })).then(() => undefined),
      );

      // 1. The blobs, straight through the partition layer (the front-end's HTTP and signing are not what this measures).
      const writeStarted = performance.now();
      await inParallel(sizes.length, 16, async (i) => {
        const body = bytes.make(sizes[i]!);
        await putThroughPartitions(p, { account, container: 'reclaim', blob: keyOf(i) }, body);
        if (survivors.has(i) && !overwritten.has(i)) live.set(keyOf(i), sha256(body));
      });
      const writeMiBps = TOTAL_BYTES / MiB / ((performance.now() - writeStarted) / 1000);
      phase(`write ${sizes.length} blobs (${writeMiBps.toFixed(1)} MiB/s)`);

      // 2. Delete 90% at random, 3. overwrite half of the rest.
      await inParallel(sizes.length, 16, async (i) => (survivors.has(i) ? undefined : deleteKey(t.s3, 'reclaim', keyOf(i))));
      await inParallel(overwritten.size, 8, async (n) => {
        const i = [...overwritten][n]!;
        const body = bytes.make(MiB + Math.floor(Math.random() * 2 * MiB));
        await t.s3.send(new PutObjectCommand({ Bucket: 'reclaim', Key: keyOf(i), Body: body }));
        live.set(keyOf(i), sha256(body));
      });
      phase(`delete ${sizes.length - survivors.size}, overwrite ${overwritten.size}`);

      await p.reportUsage();
      const before = await nodeSpace(t, NODES);
      const stampBefore = (await extentsReport(t)).stamp;
      expect(stampBefore.extentsUnknown).toBe(0);
      expect(stampBefore.storedBytes / stampBefore.liveBytes).toBeGreaterThan(5);

      // Foreground latency without compaction, then while a round compacts.
      const quiet = await foregroundLoad(t.s3, {
        bucket: 'foreground',
        keys: smallKeys,
        workers: 4,
        done: pause(6_000),
      });
      const compacting = operator.gcRun();
      const busy = await foregroundLoad(t.s3, { bucket: 'foreground', keys: smallKeys, workers: 4, done: compacting.catch(() => undefined) });
      const round = await compacting;
      expect(round.errors).toEqual([]);
      expect(Number(round.extentsReleased)).toBeGreaterThan(0);
      const rateMiBps = Number(round.bytesRewritten) / MiB / (Number(round.durationMs) / 1000);
      phase(`compact (${(Number(round.bytesRewritten) / MiB).toFixed(0)} MiB rewritten, ${rateMiBps.toFixed(1)} MiB/s)`);

      // A rewrite may fill and seal extents that were open in the round's plan: later rounds take them.
      for (let rounds = 1; rounds < 4 && (await extentsReport(t)).stamp.extentsBelowThreshold > 0; rounds++) await operator.gcRun();
      let after: NodeSpace[] = [];
      await waitFor(
        `every extent node within ${STORED_OVER_LIVE_MAX}× its live bytes (+${NODE_OWN_BYTES / MiB} MiB of its own)`,
        async () => {
          after = await nodeSpace(t, NODES);
          return after.every((node) => node.duBytes <= STORED_OVER_LIVE_MAX * node.liveBytes + NODE_OWN_BYTES);
        },
        { timeoutMs: 90_000 },
      ).catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(after)}`);
      });
      phase('collect');

      let verified = 0;
      await inParallel(live.size, 8, async (i) => {
        const [key, digest] = [...live][i]!;
        expect(sha256(await getBytes(t.s3, 'reclaim', key)), key).toBe(digest);
        verified++;
      });
      expect(verified).toBe(survivors.size);
      phase(`verify ${verified} live blobs`);

      const stampAfter = (await extentsReport(t)).stamp;
      const show = (nodes: NodeSpace[]): string =>
        nodes.map((n) => `${n.nodeId} ${(n.duBytes / MiB).toFixed(0)}/${(n.liveBytes / MiB).toFixed(0)} MiB = ${n.ratio.toFixed(2)}×`).join(', ');
      process.stdout.write(
        [
          `space reclamation, ${sizes.length} blobs (${TOTAL_BYTES / MiB} MiB), ${survivors.size} live (${overwritten.size} overwritten):`,
          `  stored/live before: stamp ${(stampBefore.storedBytes / stampBefore.liveBytes).toFixed(2)}×; du/live per node: ${show(before)}`,
          `  stored/live after:  stamp ${(stampAfter.storedBytes / stampAfter.liveBytes).toFixed(2)}×; du/live per node: ${show(after)}`,
          `  compaction: ${(Number(round.bytesRewritten) / MiB).toFixed(0)} MiB rewritten in ${(Number(round.durationMs) / 1000).toFixed(1)} s = ${rateMiBps.toFixed(1)} MiB/s (limit 16 MiB/s)`,
          `  foreground p99 (4 KiB GET+PUT, 4 workers): ${percentile(quiet, 0.99).toFixed(0)} ms quiet (${quiet.length} requests), ${percentile(busy, 0.99).toFixed(0)} ms while compacting (${busy.length}); p50 ${percentile(quiet, 0.5).toFixed(0)} / ${percentile(busy, 0.5).toFixed(0)} ms`,
          `  phases: ${phases.join('; ')}`,
          '',
        ].join('\n'),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
