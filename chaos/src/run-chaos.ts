import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '@strata/common';
import type { Stamp } from '@strata/deploy';
import { CHAOS_STAMP, extentFileOf, SMALL_DISK_NODE, startChaosStamp } from './chaos-stamp.js';
import { checkHistory } from './checker.js';
import { ClusterView } from './cluster-view.js';
import { waitForConvergence } from './convergence.js';
import { SmallDisk } from './disk-faults.js';
import { History, type PhaseMark } from './history.js';
import { MemoryWatch } from './memory-watch.js';
import { OpIds, runLoad, type LoadDeps } from './load.js';
import { Nemesis } from './nemesis.js';
import { PayloadSource } from './payload.js';
import { prefill, readBack, probeEveryFrontEnd, spreadPartitions } from './phases.js';
import { buildReport, summaryLine, type ChaosReport } from './report.js';
import { S3Transport } from './s3-transport.js';
import { planSchedule } from './schedule.js';

/** Clients of the load unless told otherwise: enough for concurrency, few enough for two cores. */
export const CLIENTS_DEFAULT = 6;
/** Bytes PUT per second over all clients unless told otherwise: bounds disk use (30 min ≈ 7 GiB, times three replicas). */
export const PUT_MIB_PER_SECOND_DEFAULT = 4;
/** After the nemesis stops, the stamp must heal within this long. */
export const CONVERGENCE_TIMEOUT_MS = 180_000;
/** The bucket the load works in. */
const BUCKET = 'chaos';
const PROGRESS_INTERVAL_MS = 30_000;

export interface ChaosOptions {
  seed: number;
  durationS: number;
  /** Where the run keeps its stamp (data and logs), history.jsonl and report.json. */
  runDir: string;
  clients?: number;
  putMiBPerSecond?: number;
  flipByte?: boolean;
  fillDisk?: boolean;
  restartEtcd?: boolean;
  /** Keep the extent and partition data after the run (logs are always kept). */
  keepData?: boolean;
  /** Aborting ends the load and the nemesis early; the run then heals, checks and reports. */
  signal?: AbortSignal;
  progress?: (line: string) => void;
  clock?: Clock;
}

/**
 * One chaos run: starts the stamp, drives the load while the nemesis works through its
 * schedule, stops both after `durationS`, heals every fault, waits for the stamp to converge,
 * reads every key back, checks the whole history and reports. Everything it starts is stopped
 * before it returns, also when it fails.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const clock = options.clock ?? systemClock;
  const progress = options.progress ?? (() => undefined);
  const dataDir = join(options.runDir, 'stamp');
  await mkdir(dataDir, { recursive: true });
  const smallDisk = options.fillDisk ? new SmallDisk(join(options.runDir, 'small-disk')) : undefined;
  const history = new History(join(options.runDir, 'history.jsonl'));
  const run: Partial<Running> = {};
  const killAll = (): void => run.stamp?.processes().forEach((p) => void tryKill(p.pid));
  process.once('exit', killAll);
  try {
    await smallDisk?.mount();
    const startedMs = clock.monotonicMs();
    run.stamp = await startChaosStamp({
      dataDir,
      flipByte: options.flipByte ?? false,
      ...(smallDisk ? { smallDisk } : {}),
      onExit: (info, how) => run.nemesis?.onExit(info, how),
    });
    progress(`stamp started in ${((clock.monotonicMs() - startedMs) / 1000).toFixed(1)} s: ${run.stamp.processes().length} processes in ${dataDir}`);
    const info = run.stamp.info;
    run.transport = new S3Transport({ region: info.region, bucket: BUCKET, accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey });
    const frontEnds = run.stamp
      .processes()
      .filter((p) => p.role === 'front-end')
      .map((p) => ({ id: p.id, url: `http://${p.address}` }));
    const deps: LoadDeps = {
      transport: run.transport,
      frontEnds,
      history,
      payload: new PayloadSource(options.seed),
      clock,
      originMs: clock.monotonicMs(),
      seed: options.seed,
    };
    run.view = new ClusterView(run.stamp);
    const stamp = run.stamp;
    run.memory = new MemoryWatch(() => stamp.processes());
    run.memory.start();
    run.nemesis = new Nemesis({
      stamp: run.stamp,
      view: run.view,
      history,
      clock,
      originMs: deps.originMs,
      extentFile: extentFileOf(dataDir, smallDisk),
      ...(smallDisk ? { smallDisk: { nodeId: SMALL_DISK_NODE, disk: smallDisk } } : {}),
    });
    return await runPhases(options, { ...(run as Running), deps, history, progress });
  } finally {
    await run.memory?.stop().catch(() => undefined);
    await history.close().catch(() => undefined);
    await run.transport?.close().catch(() => undefined);
    run.view?.close();
    await run.stamp?.stop();
    process.removeListener('exit', killAll);
    await smallDisk?.release().catch(() => undefined);
    await smallDisk?.unmount().catch((error: unknown) => progress(`could not unmount ${smallDisk.mountPoint}: ${(error as Error).message}`));
    if (!options.keepData) await removeData(dataDir, smallDisk);
  }
}

interface Running {
  stamp: Stamp;
  view: ClusterView;
  nemesis: Nemesis;
  transport: S3Transport;
  memory: MemoryWatch;
}

/** The run once its stamp is up: prefill, load under the nemesis, heal, converge, read back, check. */
async function runPhases(options: ChaosOptions, run: Running & { deps: LoadDeps; history: History; progress: (line: string) => void }): Promise<ChaosReport> {
  const { deps, history, nemesis, progress } = run;
  const clock = deps.clock;
  const mark = (phase: PhaseMark['phase']): void => history.record({ type: 'phase', atMs: clock.monotonicMs() - deps.originMs, phase });
  const ids = new OpIds();
  await createBucket(run.transport, deps.frontEnds[0]!.url);
  mark('prefill');
  progress(`prefill: ${await prefill(deps, ids)} keys written; ${await spreadPartitions(run.view, clock)}`);

  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const timer = setTimeout(() => stop.abort(), options.durationS * 1000);
  const ticker = setInterval(
    () => progress(`running: ${history.ops().length} requests, faults ${JSON.stringify(Object.fromEntries(nemesis.counts))}`),
    PROGRESS_INTERVAL_MS,
  );
  const schedule = planSchedule({
    seed: options.seed,
    durationMs: options.durationS * 1000,
    flipByte: options.flipByte ?? false,
    fillDisk: options.fillDisk ?? false,
    restartEtcd: options.restartEtcd ?? false,
  });
  const clients = options.clients ?? CLIENTS_DEFAULT;
  progress(`load (${clients} clients) and nemesis (${schedule.length} faults planned) for ${options.durationS} s`);
  mark('load');
  const load = runLoad(deps, { clients, putBytesPerSecond: (options.putMiBPerSecond ?? PUT_MIB_PER_SECOND_DEFAULT) * 1024 * 1024, ids, stop: stop.signal });
  await nemesis.run(schedule, stop.signal);
  await new Promise((resolve) => (stop.signal.aborted ? resolve(undefined) : stop.signal.addEventListener('abort', resolve, { once: true })));
  clearTimeout(timer);
  clearInterval(ticker);
  // Heal while the last requests finish: one waiting on a paused server is answered sooner.
  progress('time is up: no new requests; healing every fault');
  mark('heal');
  await Promise.all([load, nemesis.healAll()]);
  const convergence = await waitForConvergence({
    view: run.view,
    stamp: run.stamp,
    clock,
    replicaCount: CHAOS_STAMP.replicaCount,
    timeoutMs: CONVERGENCE_TIMEOUT_MS,
    probe: () => probeEveryFrontEnd(deps),
  });
  progress(
    convergence.converged ? `converged in ${(convergence.elapsedMs / 1000).toFixed(1)} s; reading every key back` : `did not converge: ${convergence.last}`,
  );
  mark('read-back');
  await readBack(deps, ids);
  await history.close();
  const peakRss = await run.memory.stop();

  const faultFlags = (['flipByte', 'fillDisk', 'restartEtcd'] as const).filter((flag) => options[flag]);
  const report = buildReport({
    seed: options.seed,
    durationS: options.durationS,
    faultFlags,
    entries: history.entries,
    check: checkHistory(history.entries),
    faults: nemesis.counts,
    convergence,
    peakRss,
    runDir: options.runDir,
  });
  await writeFile(join(options.runDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(options.runDir, 'summary.txt'), `${summaryLine(report)}\n`);
  return report;
}

async function createBucket(transport: S3Transport, endpoint: string): Promise<void> {
  const response = await transport.send({ endpoint, method: 'PUT', key: '' }, AbortSignal.timeout(30_000));
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`CreateBucket ${BUCKET} answered ${response.statusCode}: ${text.slice(0, 300)}`);
}

/** The bulk of a run's disk use: extents, partition caches and etcd. Logs and stamp.json stay. */
async function removeData(dataDir: string, smallDisk: SmallDisk | undefined): Promise<void> {
  for (const dir of ['extent-nodes', 'partition-servers', 'etcd']) await rm(join(dataDir, dir), { recursive: true, force: true });
  if (smallDisk) await rm(smallDisk.mountPoint, { recursive: true, force: true }).catch(() => undefined);
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
