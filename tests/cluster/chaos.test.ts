import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONVERGENCE_TIMEOUT_MS, readHistory, runChaos, summaryLine, type NemesisEvent } from '@strata/chaos';

/** The short run of `npm run chaos`: a fixed seed whose 75 s schedule has every kind of fault the test asks for (all planned before 60 s), six extent-node kills, five of them at a chain position. */
const SEED = 1892;
const DURATION_S = 75;

/**
 * The chaos harness, short: a stamp of 5 extent nodes (3 fault domains), 3 partition
 * servers, 2 stream and 2 partition managers and 2 front-ends under a mixed S3 load, while
 * the seeded nemesis kills chain members, servers, leaders and front-ends, pauses processes
 * past their leases, flips a byte in a sealed replica, fills an extent node's (tmpfs) disk and
 * restarts etcd. Nothing acknowledged may be lost, corrupted, stale or resurrected, and the
 * stamp must heal. --fill-disk mounts a tmpfs: root (or passwordless sudo), which CI has.
 */
describe('chaos: kill chain replicas under load (npm run chaos, short)', () => {
  let runDir: string | undefined;
  afterAll(async () => {
    if (!runDir) return;
    if (process.env.STRATA_KEEP_TEST_DATA === '1') process.stdout.write(`kept the chaos run in ${runDir}\n`);
    else await rm(runDir, { recursive: true, force: true });
  });

  it(`loses nothing acknowledged and converges (seed ${SEED}, ${DURATION_S} s, every fault kind)`, async () => {
    runDir = await mkdtemp(join(tmpdir(), 'strata-test-chaos-'));
    const report = await runChaos({
      seed: SEED,
      durationS: DURATION_S,
      runDir,
      flipByte: true,
      fillDisk: true,
      restartEtcd: true,
      keepData: process.env.STRATA_KEEP_TEST_DATA === '1',
    });
    process.stdout.write(`${summaryLine(report)}\n`);

    expect(report.anomalies, JSON.stringify(report.anomalyDetails, null, 2)).toEqual({
      lost: 0,
      corrupt: 0,
      stale: 0,
      resurrected: 0,
      'list-missing': 0,
      unreadable: 0,
    });
    expect(report.converged, report.convergenceProblem).toBe(true);
    expect(report.convergedS).toBeLessThan(CONVERGENCE_TIMEOUT_MS / 1000);
    expect(report.passed).toBe(true);
    // The load ran and was checked: every key read back, thousands of observations judged.
    expect(report.ackedPuts).toBeGreaterThan(100);
    expect(report.opsByKind.get.ok + report.opsByKind.head.ok).toBeGreaterThan(50);
    expect(report.opsByKind.list.ok).toBeGreaterThan(5);
    expect(report.ackedDeletes).toBeGreaterThan(5);
    expect(report.readBack.keys).toBe(report.prefilledKeys);
    expect(report.observations).toBeGreaterThan(2_000);

    // The nemesis did what the schedule says: every kind at least once, chain members among the extent-node kills.
    const events = (await readHistory(join(runDir, 'history.jsonl'))).filter((entry): entry is NemesisEvent => entry.type === 'nemesis');
    for (const kind of [
      'kill-extent-node',
      'pause-extent-node',
      'kill-partition-server',
      'pause-partition-server',
      'kill-stream-manager-leader',
      'kill-partition-manager-leader',
      'kill-front-end',
      'flip-byte',
      'fill-disk',
      'restart-etcd',
    ]) {
      expect(
        events.some((event) => event.action === kind),
        `${kind} in ${JSON.stringify(report.faults)}`,
      ).toBe(true);
    }
    expect(
      events.filter((event) => event.action === 'kill-extent-node' && /^(head|middle|tail) of open extent/.test(event.detail ?? '')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(report.extentNodeKills).toBeGreaterThanOrEqual(4);
    // Every process the nemesis took down came back.
    const downed = events.filter((event) => event.action.startsWith('kill-') || event.action === 'restart-etcd').map((event) => event.target);
    const restarted = events.filter((event) => event.action === 'restart').map((event) => event.target);
    for (const id of downed) expect(restarted, id).toContain(id);
    expect(readFileSync(join(runDir, 'summary.txt'), 'utf8')).toBe(`${summaryLine(report)}\n`);
  });
});
