import type { WorkerStatus } from '@strata/common';
import type { Stamp } from '@strata/deploy';

/** The background jobs of one process of `stamp`, from its probe port (what `strata workers` reads). */
export async function workersOf(stamp: Stamp, processId: string): Promise<WorkerStatus[]> {
  const info = stamp.processes().find((p) => p.id === processId);
  if (!info?.probeAddress) throw new Error(`process ${processId} has no probe address`);
  const response = await fetch(`http://${info.probeAddress}/workers`, { signal: AbortSignal.timeout(5_000) });
  return ((await response.json()) as { workers: WorkerStatus[] }).workers;
}

/** One background job of one process; fails if the process has no job of that name. */
export async function workerOf(stamp: Stamp, processId: string, name: string): Promise<WorkerStatus> {
  const worker = (await workersOf(stamp, processId)).find((candidate) => candidate.name === name);
  if (!worker) throw new Error(`process ${processId} has no worker ${name}`);
  return worker;
}
