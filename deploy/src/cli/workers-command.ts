import { parseArgs } from 'node:util';
import { rethrowIfAssertion, systemClock, type WorkerStatus } from '@strata/common';
import { LaunchError } from '../launcher/launch-error.js';
import { clip, duration, printJson, printTable } from './output.js';
import { readStampFile } from './stamp-file.js';

const USAGE = 'usage: strata workers [--data-dir DIR] [--json]';

/** How long one process may take to answer before it is shown as not answering. */
const ASK_TIMEOUT_MS = 3_000;

interface ProcessWorkers {
  id: string;
  role: string;
  /** Its background jobs, or why they could not be read. */
  workers?: WorkerStatus[];
  problem?: string;
}

/**
 * `strata workers`: every background job of every process of the local stamp in DIR (repair,
 * scrub, capacity, checkpoints, upload sweeps, GC and policy rounds, usage reports), with its
 * state, rounds run and failed, when it last ran and how long it took, its last error and
 * when it runs next — asked from each process's probe port (`/workers`).
 */
export async function workersCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string', default: './data' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new LaunchError(USAGE);
  const info = readStampFile(values['data-dir']);
  const processes = await Promise.all(
    info.processes
      .filter((p) => p.probeAddress)
      .map(async (p): Promise<ProcessWorkers> => {
        try {
          const response = await fetch(`http://${p.probeAddress}/workers`, { signal: AbortSignal.timeout(ASK_TIMEOUT_MS) });
          if (!response.ok) return { id: p.id, role: p.role, problem: `answered ${response.status}` };
          return { id: p.id, role: p.role, workers: ((await response.json()) as { workers: WorkerStatus[] }).workers };
        } catch (error) {
          rethrowIfAssertion(error);
          return { id: p.id, role: p.role, problem: `not answering (${(error as Error).message})` };
        }
      }),
  );
  if (values.json) {
    printJson({ processes });
    return;
  }
  const nowMs = systemClock.nowMs();
  const ago = (atMs: number | undefined): string => (atMs === undefined ? '-' : `${duration(nowMs - atMs)} ago`);
  printTable(
    ['PROCESS', 'WORKER', 'STATE', 'RUNS', 'FAILED', 'LAST RUN', 'TOOK', 'NEXT', 'LAST ERROR'],
    processes.flatMap((p) =>
      p.workers
        ? p.workers.map((w) => [
            p.id,
            w.name,
            w.skipped ? `idle (${w.skipped})` : w.state,
            String(w.runs),
            String(w.failures),
            ago(w.lastStartedMs),
            w.lastDurationMs === undefined ? '-' : `${w.lastDurationMs} ms`,
            w.nextRunMs === undefined ? '-' : `in ${duration(w.nextRunMs - nowMs)}`,
            w.lastError ? `${clip(w.lastError.message)} (${ago(w.lastError.atMs)})` : '-',
          ])
        : [[p.id, '-', p.problem ?? '-', '', '', '', '', '', '']],
    ),
  );
}
