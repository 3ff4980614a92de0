import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import type { PartitionManagerClient } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@strata/common/testing';
import type { PartitionHarness } from '../helpers/partition-harness.js';
import { strata, strataJson } from '../helpers/location.js';
import { BlobBytes, deleteKey, extentsReport, getBytes, MiB, putThroughPartitions, sha256 } from '../helpers/reclamation.js';
import { parseValue, valueOf, violations, type Read, type Write } from '../helpers/register-history.js';
import { type StreamHarness } from '../helpers/stream-harness.js';
import { workerOf } from '../helpers/workers.js';
import { processAlive } from '../helpers/process-alive.js';
import { startReclamationStamp, type ReclamationStamp } from '../helpers/reclamation-stamp.js';
import type { TestStamp } from '../helpers/test-stamp.js';
import { pause } from '../helpers/pause.js';

const KEYS = 24;
const WRITERS = 4;
const READERS = 4;
/** The load runs at least this long, and on until compaction has raced it enough (below), at most LOAD_MAX_MS. */
const LOAD_MIN_MS = 12_000;
const LOAD_MAX_MS = 90_000;
/** Records rewritten and extents released while the load runs: what "compaction raced the load" means here. */
const RACED_RECORDS_MIN = 20;
const RACED_EXTENTS_MIN = 5;

/**
 * Compaction against everything that can race it: foreground PUT, GET, DELETE and overwrite
 * of the same keys, a partition server SIGKILLed at each of its steps, and the checkpoints
 * that trim the commit log meanwhile.
 */
describe('compaction under races and crashes', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let h: StreamHarness;
  let operator: PartitionManagerClient;
  let stamp: ReclamationStamp | undefined;

  beforeAll(async () => {
    stamp = await startReclamationStamp({
      STRATA_GC_MIB_PER_SECOND: '64',
      // Usages published each second, so background rounds (the last test) plan from fresh ones.
      STRATA_GC_REPORT_INTERVAL_MS: '1000',
    });
    ({ t, p, h, operator } = stamp);
  });
  afterAll(async () => {
    await stamp?.close();
  });

  it('loses no write, resurrects no delete and returns no wrong bytes while PUT, GET, DELETE and overwrites race compaction', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'race' }));
    const writes: Write[] = [];
    const reads: Read[] = [];
    const failures: string[] = [];
    const keyOf = (i: number): string => `race/${i}`;
    const versions = new Map<string, number>();
    let loading = true;

    const timed = async <T>(request: () => Promise<T>): Promise<{ value: T; invokedMs: number; completedMs: number }> => {
      const invokedMs = performance.now();
      const value = await request();
      return { value, invokedMs, completedMs: performance.now() };
    };
    const get = async (key: string): Promise<void> => {
      try {
        const { value, invokedMs, completedMs } = await timed(async () => {
          try {
            return Buffer.from(await (await t.s3.send(new GetObjectCommand({ Bucket: 'race', Key: key }))).Body!.transformToByteArray());
          } catch (error) {
            if (error instanceof NoSuchKey) return undefined;
            throw error;
          }
        });
        const parsed = value ? parseValue(key, value) : { version: null, wrongBytes: false };
        reads.push({ key, invokedMs, completedMs, ...parsed });
      } catch (error) {
        failures.push(`GET ${key}: ${(error as Error).name} ${(error as Error).message}`);
      }
    };
    // Each key has one writer, so its writes are totally ordered; any worker reads any key.
    const writer = async (w: number): Promise<void> => {
      for (let n = 0; loading; n++) {
        const key = keyOf(w + WRITERS * Math.floor(Math.random() * (KEYS / WRITERS)));
        const dice = Math.random();
        if (dice < 0.3) {
          await get(key);
          continue;
        }
        const version = dice < 0.8 ? (versions.get(key) ?? 0) + 1 : null;
        if (version !== null) versions.set(key, version);
        try {
          const { invokedMs, completedMs } = await timed(() =>
            version === null
              ? t.s3.send(new DeleteObjectCommand({ Bucket: 'race', Key: key }))
              : t.s3.send(new PutObjectCommand({ Bucket: 'race', Key: key, Body: valueOf(key, version) })),
          );
          writes.push({ key, version, invokedMs, completedMs });
        } catch (error) {
          failures.push(`${version === null ? 'DELETE' : 'PUT'} ${key}: ${(error as Error).name} ${(error as Error).message}`);
        }
      }
    };
    const reader = async (): Promise<void> => {
      while (loading) await get(keyOf(Math.floor(Math.random() * KEYS)));
    };
    const rounds: partitionV1.GcRound__Output[] = [];
    const collector = async (): Promise<void> => {
      while (loading) {
        rounds.push(await operator.gcRun());
        await pause(200);
      }
    };
    const total = (field: 'recordsRewritten' | 'extentsReleased' | 'bytesRewritten'): number => rounds.reduce((sum, round) => sum + Number(round[field]), 0);
    const load = Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), ...Array.from({ length: READERS }, reader), collector()]);
    const loadStarted = performance.now();
    try {
      await waitFor(
        'compaction to race the load enough',
        () => performance.now() - loadStarted >= LOAD_MIN_MS && total('recordsRewritten') >= RACED_RECORDS_MIN && total('extentsReleased') >= RACED_EXTENTS_MIN,
        { timeoutMs: LOAD_MAX_MS },
      );
    } finally {
      loading = false;
      await load;
    }

    // Compaction really raced the load: it copied records and released extents while they changed.
    expect(rounds.flatMap((round) => round.errors)).toEqual([]);
    expect(total('recordsRewritten')).toBeGreaterThanOrEqual(RACED_RECORDS_MIN);
    expect(total('extentsReleased')).toBeGreaterThanOrEqual(RACED_EXTENTS_MIN);
    expect(failures).toEqual([]);
    expect(violations(writes, reads)).toEqual([]);

    // Settled: one more round, then every key holds exactly its last write.
    await operator.gcRun();
    const finalReads: Read[] = [];
    for (let i = 0; i < KEYS; i++) {
      const key = keyOf(i);
      const invokedMs = performance.now();
      const body = await getBytes(t.s3, 'race', key).catch((error: unknown) => (error instanceof NoSuchKey ? undefined : Promise.reject(error)));
      finalReads.push({ key, invokedMs, completedMs: performance.now(), ...(body ? parseValue(key, body) : { version: null, wrongBytes: false }) });
    }
    expect(violations(writes, finalReads)).toEqual([]);
    process.stdout.write(
      `compaction races: ${writes.filter((w) => w.version !== null).length} PUTs, ${writes.filter((w) => w.version === null).length} DELETEs, ${reads.length} GETs checked; ` +
        `${rounds.length} rounds rewrote ${total('recordsRewritten')} records (${(total('bytesRewritten') / MiB).toFixed(1)} MiB) and released ${total('extentsReleased')} extents\n`,
    );
  });

  for (const [n, step] of ['afterRewrite', 'beforeIndexUpdate', 'afterIndexUpdate'].entries()) {
    it(`loses no live blob when the partition server is SIGKILLed ${step} of a compaction, and the next run finishes the job`, async () => {
      const bucket = `crash-${n}`;
      await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const bytes = new BlobBytes();
      const live = new Map<string, string>();
      const account = t.stamp.info.account;
      for (let i = 0; i < 24; i++) {
        const body = bytes.make(256 * 1024 + Math.floor(Math.random() * 512 * 1024));
        await putThroughPartitions(p, { account, container: bucket, blob: `b/${i}` }, body);
        if (i % 4 === 0) live.set(`b/${i}`, sha256(body));
      }
      for (let i = 0; i < 24; i++) if (i % 4 !== 0) await deleteKey(t.s3, bucket, `b/${i}`);
      const allLive = async (): Promise<void> => {
        for (const [key, digest] of live) expect(sha256(await getBytes(t.s3, bucket, key)), key).toBe(digest);
      };

      await t.stamp.restart('ps-1', ['--failpoints', `partitionServer.compaction.${step}=crash`]);
      await waitFor(
        'the partitions served again',
        async () =>
          t.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'b/0' })).then(
            () => true,
            () => false,
          ),
        { timeoutMs: 60_000 },
      );
      await p.reportUsage();
      const planned = (await extentsReport(t)).extents
        .filter((e) => e.kind === 'data' && e.sealed && e.liveBytes !== null && e.liveBytes < e.totalBytes * 0.6)
        .map((e) => e.extentId);
      expect(planned.length).toBeGreaterThan(0);
      const crashed = await operator.gcRun();
      expect(crashed.errors.length, 'the round saw the server die').toBeGreaterThan(0);
      await waitFor('the crash', () => !processAlive(t.stamp.processes().find((x) => x.id === 'ps-1')!.pid), { timeoutMs: 30_000 });

      await t.stamp.restart('ps-1');
      await waitFor(
        'the partitions served again',
        async () =>
          t.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'b/0' })).then(
            () => true,
            () => false,
          ),
        { timeoutMs: 60_000 },
      );
      await allLive();
      await p.reportUsage();
      const finished = await operator.gcRun();
      expect(finished.errors).toEqual([]);
      const listed = new Set((await h.manager.listStreams()).flatMap((s) => s.extents.map((e) => e.extentId)));
      expect(
        planned.filter((id) => listed.has(id)),
        'extents planned before the crash and still listed',
      ).toEqual([]);
      await allLive();
      process.stdout.write(
        `killed ${step}: ${planned.length} extents planned; the crashed round: ${crashed.errors.join('; ')}; the next: ${finished.extentsReleased} released, ${finished.recordsRewritten} records rewritten\n`,
      );
    });
  }

  it('trims the commit log before the latest checkpoint and the checkpoints before the last two', async () => {
    // The server restarts above left each partition's log and meta streams several extents long.
    const [partition] = await p.partitions();
    const streamOf = (id: string): Promise<string[]> => h.manager.getStream(id).then((s) => s.extents.map((e) => e.extentId));
    const logBefore = await streamOf(partition!.streams!.logStreamId);
    expect(logBefore.length).toBeGreaterThan(2);
    for (let i = 0; i < 3; i++) {
      await t.s3.send(new PutObjectCommand({ Bucket: 'race', Key: `trim/${i}`, Body: `checkpoint ${i}` }));
      await p.checkpoint(partition!.partitionId);
    }
    const logAfter = await streamOf(partition!.streams!.logStreamId);
    // The first partition predates checkpoints in its descriptor: its server finds these streams by name.
    const named = async (suffix: string): Promise<string[]> =>
      streamOf((await h.manager.listStreams()).find((s) => s.name === `${partition!.partitionId}/${suffix}`)!.streamId);
    const checkpoints = await named('checkpoint');
    const meta = await named('meta');
    expect(logAfter.length).toBeLessThanOrEqual(2);
    expect(checkpoints.length).toBeLessThanOrEqual(3);
    expect(meta.length).toBeLessThanOrEqual(3);
    const released = logBefore.filter((id) => !logAfter.includes(id));
    await waitFor(
      'the released log extents collected',
      async () => {
        const all = new Set((await h.manager.listStreams()).flatMap((s) => s.extents.map((e) => e.extentId)));
        return (
          released.every((id) => !all.has(id)) &&
          (
            await Promise.all(
              released.map((id) =>
                h.manager.getExtent(id).then(
                  () => false,
                  () => true,
                ),
              ),
            )
          ).every(Boolean)
        );
      },
      { timeoutMs: 30_000 },
    );
    for (let i = 0; i < 3; i++)
      expect(await (await t.s3.send(new GetObjectCommand({ Bucket: 'race', Key: `trim/${i}` }))).Body!.transformToString()).toBe(`checkpoint ${i}`);
    process.stdout.write(
      `trimming: log ${logBefore.length} → ${logAfter.length} extents, checkpoint stream ${checkpoints.length}, meta stream ${meta.length}\n`,
    );
  });

  it('compacts in the background, and `strata gc pause` stops it until `strata gc resume`', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'background' }));
    const garbage = async (prefix: string): Promise<void> => {
      for (let i = 0; i < 12; i++) await t.s3.send(new PutObjectCommand({ Bucket: 'background', Key: `${prefix}/${i}`, Body: Buffer.alloc(512 * 1024, i) }));
      for (let i = 0; i < 12; i++) if (i % 4 !== 0) await deleteKey(t.s3, 'background', `${prefix}/${i}`);
    };
    const belowThreshold = async (): Promise<number> => (await extentsReport(t)).stamp.extentsBelowThreshold;
    await garbage('first');
    await t.stamp.restart('pm-1', ['--gc-interval-ms', '1000']);
    await waitFor('background rounds to compact every extent below the threshold', async () => (await belowThreshold()) === 0, { timeoutMs: 60_000 });

    expect(await strata(['gc', 'pause', '--data-dir', t.dataDir])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^space reclamation paused/) });
    const refused = await strata(['gc', 'run', '--data-dir', t.dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^strata: space reclamation is paused; resume it first/)]);
    await garbage('second');
    await waitFor('the new garbage reported', async () => (await belowThreshold()) > 0, { timeoutMs: 30_000 });
    // The background job comes round while paused, and skips: no compaction happens.
    const paused = await workerOf(t.stamp, 'pm-1', 'gc-round');
    await waitFor('two background rounds skipped while paused', async () => {
      const gcRound = await workerOf(t.stamp, 'pm-1', 'gc-round');
      return gcRound.skipped === 'paused' && gcRound.skips >= paused.skips + 2;
    });
    expect((await workerOf(t.stamp, 'pm-1', 'gc-round')).runs, 'no background round ran while paused').toBe(paused.runs);
    expect(await belowThreshold(), 'nothing compacted while paused').toBeGreaterThan(0);

    expect(await strata(['gc', 'resume', '--data-dir', t.dataDir])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^space reclamation on/) });
    await waitFor('background rounds again after resume', async () => (await belowThreshold()) === 0, { timeoutMs: 60_000 });
    const status = await strataJson<partitionV1.GcState__Output>(['gc', 'status', '--data-dir', t.dataDir]);
    expect(status).toMatchObject({ paused: false, running: expect.any(Boolean), liveRatioMin: 0.6 });
    expect(Number(status.lastRound?.extentsReleased ?? 0) + Number(status.space?.extents)).toBeGreaterThan(0);
    // The human forms: each extent's stored and live bytes, then the stamp's figures.
    const table = await strata(['extents', '--data-dir', t.dataDir]);
    expect(table.stdout).toMatch(/^EXTENT\s+KIND\s+STREAMS\s+STATE\s+STORED\s+LIVE\s+LIVE %\s+REPLICAS/);
    expect(table.stdout).toMatch(/\nstamp: live \S+ \S+ of \S+ \S+ stored .*; garbage \d+\.\d%/);
    expect((await strata(['gc', 'status', '--data-dir', t.dataDir])).stdout).toMatch(
      /^space reclamation on.*\nstamp: live .* garbage \d+\.\d%\n.*\nlast round at /s,
    );
    expect((await strata(['gc', 'frobnicate', '--data-dir', t.dataDir])).code).toBe(2);
    expect((await strata(['gc', 'status', 'extra', '--data-dir', t.dataDir])).code).toBe(2);
  });
});
