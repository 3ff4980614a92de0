import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '@strata/common';
import type { Stamp } from '@strata/deploy';
import { CHAOS_STAMP, extentFileOf, SMALL_DISK_NODE, startChaosStamp } from './chaos-stamp.js';
import { checkHistory } from './checker.js';
import { ClusterView } from './cluster-view.js';
import { waitForConvergence } from './convergence.js';
import { SmallDisk } from './disk-faults.js';
import { History } from './history.js';
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
  const historyPath = join(options.runDir, 'history.jsonl');
  await mkdir(dataDir, { recursive: true });
  const smallDisk = options.fillDisk ? new SmallDisk(join(options.runDir, 'small-disk')) : undefined;
  const history = new History(historyPath);
  let nemesis: Nemesis | undefined;
  let stamp: Stamp | undefined;
  let view: ClusterView | undefined;
  let transport: S3Transport | undefined;
  const killAll = (): void => stamp?.processes().forEach((p) => void tryKill(p.pid));
  process.once('exit', killAll);
  try {
    await smallDisk?.mount();
    const startedMs = clock.monotonicMs();
    stamp = await startChaosStamp({ dataDir, flipByte: options.flipByte ?? false, ...(smallDisk ? { smallDisk } : {}), onExit: (info, how) => nemesis?.onExit(info, how) });
    progress(`stamp started in ${((clock.monotonicMs() - startedMs) / 1000).toFixed(1)} s: ${stamp.processes().length} processes in ${dataDir}`);
    const info = stamp.info;
    transport = new S3Transport({ region: info.region, bucket: BUCKET, accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey });
    const frontEnds = stamp.processes().filter((p) => p.role === 'front-end').map((p) => ({ id: p.id, url: `http://${p.address}` }));
    const originMs = clock.monotonicMs();
    const deps: LoadDeps = { transport, frontEnds, history, payload: new PayloadSource(options.seed), clock, originMs, seed: options.seed };
    view = new ClusterView(stamp);
    nemesis = new Nemesis({ stamp, view, history, clock, originMs, extentFile: extentFileOf(dataDir, smallDisk), ...(smallDisk ? { smallDisk: { nodeId: SMALL_DISK_NODE, disk: smallDisk } } : {}) });
    const ids = new OpIds();
    await createBucket(transport, frontEnds[0]!.url);
    progress(`prefill: ${await prefill(deps, ids)} keys written; ${await spreadPartitions(view, clock)}`);

    const stop = new AbortController();
    const endRun = (): void => stop.abort();
    options.signal?.addEventListener('abort', endRun, { once: true });
    const timer = setTimeout(endRun, options.durationS * 1000);
    const ticker = setInterval(() => progress(`running: ${history.ops().length} requests, faults ${JSON.stringify(Object.fromEntries(nemesis!.counts))}`), PROGRESS_INTERVAL_MS);
    const schedule = planSchedule({ seed: options.seed, durationMs: options.durationS * 1000, flipByte: options.flipByte ?? false, fillDisk: options.fillDisk ?? false, restartEtcd: options.restartEtcd ?? false });
    progress(`load (${options.clients ?? CLIENTS_DEFAULT} clients) and nemesis (${schedule.length} faults planned) for ${options.durationS} s`);
    await Promise.all([
      runLoad(deps, { clients: options.clients ?? CLIENTS_DEFAULT, putBytesPerSecond: (options.putMiBPerSecond ?? PUT_MIB_PER_SECOND_DEFAULT) * 1024 * 1024, ids, stop: stop.signal }),
      nemesis.run(schedule, stop.signal),
    ]);
    clearTimeout(timer);
    clearInterval(ticker);

    progress('load stopped; healing every fault');
    await nemesis.healAll();
    const convergence = await waitForConvergence({ view, stamp, clock, replicaCount: CHAOS_STAMP.replicaCount, timeoutMs: CONVERGENCE_TIMEOUT_MS, probe: () => probeEveryFrontEnd(deps) });
    progress(convergence.converged ? `converged in ${(convergence.elapsedMs / 1000).toFixed(1)} s; reading every key back` : `did not converge: ${convergence.last}`);
    await readBack(deps, ids);
    await history.close();

    const check = checkHistory(history.entries);
    const report = buildReport({
      seed: options.seed,
      durationS: options.durationS,
      faultFlags: (['flipByte', 'fillDisk', 'restartEtcd'] as const).filter((flag) => options[flag]),
      ops: history.ops(),
      check,
      faults: nemesis.counts,
      convergence,
      runDir: options.runDir,
      history: historyPath,
    });
    await writeFile(join(options.runDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(options.runDir, 'summary.txt'), `${summaryLine(report)}\n`);
    return report;
  } finally {
    await history.close().catch(() => undefined);
    await transport?.close().catch(() => undefined);
    view?.close();
    await stamp?.stop();
    process.removeListener('exit', killAll);
    await smallDisk?.release().catch(() => undefined);
    await smallDisk?.unmount().catch((error: unknown) => progress(`could not unmount ${smallDisk.mountPoint}: ${(error as Error).message}`));
    if (!options.keepData) await removeData(dataDir, smallDisk);
  }
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
