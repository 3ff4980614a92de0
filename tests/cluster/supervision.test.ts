import { waitFor } from '@strata/common/testing';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { connectEtcd, type Etcd3 } from '@strata/common';
import { RESTART_POLICY_DEFAULTS, Stamp, type ProcessInfo, type StampEvents, type StampInfo, type StampOptions } from '@strata/deploy';
import { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutageMs, S3Load, unreadable } from './supervision-load.js';

const CLI = fileURLToPath(new URL('../../deploy/bin/strata.js', import.meta.url));
const BUCKET = 'supervised';
/** Every role of the stamp, killed one after another; etcd last, as it takes the longest. */
const ROLES_IN_TURN = ['en-1', 'sm-1', 'pm-1', 'ps-1', 'ps-2', 'fe-1', 'ls-1', 'sr-1', 'etcd'];
/** One key on each side of the split at "8": one in each partition. */
const CANARIES = new Map([
  ['0-canary', 2048],
  ['f-canary', 2048],
]);

interface Heard {
  kind: 'exited' | 'restarted' | 'restartFailed' | 'down';
  id: string;
  atMs: number;
  detail: Record<string, unknown>;
}

/** Pids of the stamps this file started, killed if the test process dies before it stops them. */
const started = new Set<Stamp>();
process.once('exit', () => {
  for (const stamp of started) for (const info of stamp.processes()) spawnSync('kill', ['-9', String(info.pid)]);
});

/** A real stamp's processes die by SIGKILL from outside, as in a crash, while clients PUT and GET. */
describe('the local stamp heals itself', () => {
  let dataDir: string;
  let stamp: Stamp;
  let s3: S3Client;
  let load: S3Load;
  let etcd: Etcd3;
  let manager: PartitionManagerClient;
  const heard: Heard[] = [];
  const listener: StampEvents = {
    exited: (info, how) => heard.push({ kind: 'exited', id: info.id, atMs: performance.now(), detail: { how, pid: info.pid } }),
    restarted: (info, report) => heard.push({ kind: 'restarted', id: info.id, atMs: performance.now(), detail: { ...report } }),
    restartFailed: (info, report) => heard.push({ kind: 'restartFailed', id: info.id, atMs: performance.now(), detail: { ...report } }),
    down: (info, report) => heard.push({ kind: 'down', id: info.id, atMs: performance.now(), detail: { ...report } }),
  };
  const options = (): StampOptions => ({
    dataDir,
    s3Port: 0,
    partitionServers: 2,
    frontEnds: 1,
    logLevel: 'info',
    // The partition manager would merge the two small partitions back into one (and then one
    // partition server would hold nothing to lose).
    env: { STRATA_MERGE_ENTRIES: '0' },
    // The default policy but for this: a process that ran 10 s (not 60) starts a new row, so that
    // the crash loop's victim, killed once in the first test (20 s or more before), has a fresh one.
    supervision: { stableAfterMs: 10_000 },
  });
  const clientOf = (info: StampInfo): S3Client =>
    new S3Client({
      endpoint: info.s3Endpoint,
      region: info.region,
      credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
      // One attempt: the load sees each failure rather than the SDK's retries hiding them.
      maxAttempts: 1,
    });
  const processOf = (id: string): ProcessInfo => stamp.processes().find((p) => p.id === id)!;
  const heardOf = (kind: Heard['kind'], id: string, afterMs: number): Heard[] => heard.filter((h) => h.kind === kind && h.id === id && h.atMs > afterMs);
  const stampJsonOf = (id: string): ProcessInfo =>
    (JSON.parse(readFileSync(join(dataDir, 'stamp.json'), 'utf8')) as StampInfo).processes.find((p) => p.id === id)!;
  const owners = async (): Promise<Map<string, string>> => new Map((await manager.map()).partitions.map((p) => [p.partitionId, p.ownerId]));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'strata-test-supervision-'));
    stamp = await Stamp.start(options(), listener);
    started.add(stamp);
    s3 = clientOf(stamp.info);
    load = new S3Load(s3, BUCKET);
    etcd = connectEtcd([stamp.info.etcdEndpoint]);
    manager = new PartitionManagerClient({ etcd, prefix: stamp.info.etcdPrefix });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const seeding = new S3Load(s3, BUCKET);
    for (const [key, size] of CANARIES) await seeding.putOne(key, size);
    // Two partitions, one on each partition server, so that killing either hurts.
    const [only] = (await manager.map()).partitions;
    await manager.split(only!.partitionId, `${stamp.info.account}\u0000${BUCKET}\u00008`);
    const [left, right] = [...(await owners())];
    if (left![1] === right![1]) await manager.move(right![0], left![1] === 'ps-1' ? 'ps-2' : 'ps-1');
    expect(new Set((await owners()).values())).toEqual(new Set(['ps-1', 'ps-2']));
    await waitFor('both partitions served', async () => (await unreadable(s3, BUCKET, CANARIES, 2_000)).length === 0, { timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await load?.stop();
    manager?.close();
    etcd?.close();
    s3?.destroy();
    await stamp?.stop();
    started.delete(stamp);
    if (dataDir && process.env.STRATA_KEEP_TEST_DATA !== '1') await rm(dataDir, { recursive: true, force: true });
  });

  it('brings back each role SIGKILLed in turn, on its address, with no acknowledged write lost', async () => {
    load.start(2);
    await waitFor('the load to get going', () => load.acked.size >= 20, { timeoutMs: 60_000 });
    const rows: string[] = [];
    for (const id of ROLES_IN_TURN) {
      const before = processOf(id);
      const killedAt = performance.now();
      process.kill(before.pid, 'SIGKILL');
      const outageMs = await readOutageMs(s3, BUCKET, {
        canaries: CANARIES,
        fromMs: killedAt,
        settled: () => heardOf('restarted', id, killedAt).length > 0,
        timeoutMs: 90_000,
      });
      const missing = await unreadable(s3, BUCKET, new Map(load.acked), 60_000);
      const everyKeyMs = performance.now() - killedAt;
      expect(missing, `keys unreadable after ${id} came back`).toEqual([]);
      const backAt = heardOf('restarted', id, killedAt)[0]!.atMs;
      await waitFor(`a write acknowledged after ${id} came back`, () => load.putAckTimes.some((at) => at > backAt), { timeoutMs: 60_000 });
      const after = processOf(id);
      expect(after.pid, id).not.toBe(before.pid);
      expect(after.address, `${id} serves where it did`).toBe(before.address);
      expect(after).toMatchObject({ state: 'running', restarts: (before.restarts ?? 0) + 1, lastExit: 'SIGKILL' });
      await waitFor(`stamp.json to have ${id}'s new pid`, () => stampJsonOf(id).pid === after.pid, { timeoutMs: 10_000 });
      const readyMs = heardOf('restarted', id, killedAt)[0]!.detail.readyAfterMs as number;
      const partitionOwners = id.startsWith('ps-') ? ` partitions on ${[...(await owners()).values()].join(',')}` : '';
      rows.push(
        `${id.padEnd(5)} ready again ${s(readyMs)}  reads out ${s(outageMs)}  every key read ${s(everyKeyMs)}  longest write gap ${s(load.longestWriteGapMs(killedAt, performance.now()))}${partitionOwners}`,
      );
      // Every role's reads come back well inside this; the measured times are printed.
      expect(outageMs, `${id}: reads out for ${outageMs} ms`).toBeLessThan(30_000);
    }
    process.stdout.write(`recovery after SIGKILL (${load.acked.size} keys acknowledged so far):\n  ${rows.join('\n  ')}\n`);
    expect((await owners()).size, 'still two partitions').toBe(2);
    expect(load.wrongReads).toBe(0);
    expect(await unreadable(s3, BUCKET, new Map(load.acked), 60_000)).toEqual([]);
  });

  it('leaves a role that dies at once on start down after a bounded number of restarts, while the rest serves', async () => {
    const victim = 'ps-2';
    const survivor = 'ps-1';
    if (![...(await owners()).values()].includes(victim)) await manager.move([...(await owners()).keys()].at(-1)!, victim);
    // The test-only hook: every restart the supervisor makes of the victim gets a flag no role knows.
    stamp.setRestartArgs(victim, ['--no-such-flag']);
    const before = processOf(victim);
    const killedAt = performance.now();
    process.kill(before.pid, 'SIGKILL');
    const failoverMs = await readOutageMs(s3, BUCKET, {
      canaries: CANARIES,
      fromMs: killedAt,
      settled: () => heardOf('down', victim, killedAt).length > 0,
      timeoutMs: 120_000,
    });
    const [down] = heardOf('down', victim, killedAt);
    expect(down!.detail).toMatchObject({ inRow: RESTART_POLICY_DEFAULTS.restartsMax, cause: 'code 2 before it was ready' });
    expect(heardOf('restartFailed', victim, killedAt)).toHaveLength(RESTART_POLICY_DEFAULTS.restartsMax);
    expect(processOf(victim)).toMatchObject({ state: 'down', restarts: (before.restarts ?? 0) + RESTART_POLICY_DEFAULTS.restartsMax });
    const badConfigLines = (await readFile(join(dataDir, 'logs', `${victim}.log`), 'utf8')).split('\n').filter((line) => line.includes('--no-such-flag'));
    expect(badConfigLines).toHaveLength(RESTART_POLICY_DEFAULTS.restartsMax);

    await waitFor(`every partition on ${survivor}`, async () => [...(await owners()).values()].every((owner) => owner === survivor), { timeoutMs: 60_000 });
    expect(await unreadable(s3, BUCKET, new Map(load.acked), 60_000)).toEqual([]);
    const downAt = down!.atMs;
    await waitFor('a write acknowledged while the victim is down', () => load.putAckTimes.some((at) => at > downAt), { timeoutMs: 60_000 });
    await waitFor('stamp.json to say the victim is down', () => stampJsonOf(victim).state === 'down', { timeoutMs: 10_000 });
    const status = spawnSync(process.execPath, [CLI, 'status', '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
    expect(status.status, 'strata status exits 1 with a process down').toBe(1);
    const shown = (JSON.parse(status.stdout) as { processes: (ProcessInfo & { alive: boolean })[] }).processes;
    expect(shown.find((p) => p.id === victim)).toMatchObject({ state: 'down', alive: false });
    expect(shown.filter((p) => p.id !== victim).every((p) => p.state === 'running' && p.alive)).toBe(true);
    // Nothing restarts it any more: the count stayed where the crash loop left it.
    expect(processOf(victim).restarts).toBe((before.restarts ?? 0) + RESTART_POLICY_DEFAULTS.restartsMax);
    process.stdout.write(
      `crash loop: ${victim} given up after ${s(downAt - killedAt)}; its partitions failed over to ${survivor}, reads out ${s(failoverMs)}\n`,
    );

    // The operator's restart clears the hook and supervises it again.
    expect(await stamp.restart(victim)).toMatchObject({ state: 'running' });
    expect(load.wrongReads).toBe(0);
  });

  it('serves every acknowledged key after a stop and a start on the same data directory', async () => {
    await load.stop();
    const pids = stamp.processes().map((p) => p.pid);
    s3.destroy();
    await stamp.stop();
    started.delete(stamp);
    expect(pids.filter((pid) => alive(pid))).toEqual([]);
    stamp = await Stamp.start(options(), listener);
    started.add(stamp);
    s3 = clientOf(stamp.info);
    expect(load.acked.size).toBeGreaterThan(0);
    expect(await unreadable(s3, BUCKET, new Map(load.acked), 60_000)).toEqual([]);
    expect(stamp.processes().every((p) => p.state === 'running' && p.restarts === 0)).toBe(true);
  });
});

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`.padStart(6);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
