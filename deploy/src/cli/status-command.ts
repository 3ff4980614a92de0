import { parseArgs } from 'node:util';
import { systemClock, rethrowIfAssertion } from '@strata/common';
import { LaunchError } from '../launcher/launch-error.js';
import type { ProcessInfo, StampInfo } from '../launcher/stamp.js';
import type { ProcessState } from '../launcher/supervisor.js';
import { clip, duration, printJson, printTable } from './output.js';
import { readStampFile } from './stamp-file.js';

const USAGE = 'usage: strata status [--data-dir DIR] [--json]';

/** One process as `strata status` shows it: stamp.json's view, checked against the live pids. */
interface ProcessStatus extends ProcessInfo {
  /** Whether its pid is alive now (stamp.json may be from a stamp that stopped). */
  alive: boolean;
  state: ProcessState;
  restarts: number;
}

/**
 * `strata status`: every process of the local stamp in DIR with its state (running,
 * restarting, stopped, down), pid, restarts by the launcher's supervisor, uptime and how its
 * last run ended, from the stamp.json the launcher keeps current. Exits 1 when the launcher or
 * any process is not running, so that scripts can wait on it.
 */
export async function statusCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string', default: './data' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new LaunchError(USAGE);
  const info = readStampFile(values['data-dir']);
  const launcherAlive = info.launcherPid !== undefined && pidAlive(info.launcherPid);
  const processes: ProcessStatus[] = info.processes.map((p) => {
    const alive = launcherAlive && pidAlive(p.pid);
    // A stamp whose launcher is gone is stopped, whatever its last stamp.json says.
    return { ...p, alive, state: launcherAlive ? (p.state ?? 'running') : 'stopped', restarts: p.restarts ?? 0 };
  });
  const healthy = launcherAlive && processes.every((p) => p.state === 'running' && p.alive);
  if (!healthy) process.exitCode = 1;
  if (values.json) {
    printJson({ launcherPid: info.launcherPid, launcherRunning: launcherAlive, s3Endpoint: info.s3Endpoint, processes });
    return;
  }
  process.stdout.write(`${headline(info, launcherAlive)}\n\n`);
  const nowMs = systemClock.nowMs();
  printTable(
    ['ID', 'ROLE', 'STATE', 'PID', 'RESTARTS', 'UP', 'LAST EXIT', 'ADDRESS'],
    processes.map((p) => [
      p.id,
      p.role,
      p.state === 'running' && !p.alive ? 'exited' : p.state,
      p.alive ? String(p.pid) : '-',
      String(p.restarts),
      p.alive && p.startedAt ? duration(nowMs - Date.parse(p.startedAt)) : '-',
      p.lastExit ? clip(p.lastExit) : '-',
      p.address || '-',
    ]),
  );
}

function headline(info: StampInfo, launcherAlive: boolean): string {
  if (!launcherAlive) return `Strata is not running here (launcher pid ${info.launcherPid ?? '?'} is gone); stamp.json is from its last run.`;
  const down = info.processes.filter((p) => p.state === 'down').map((p) => p.id);
  return [
    `Strata is running (launcher pid ${info.launcherPid}), serving S3 at ${info.s3Endpoint}`,
    ...(down.length > 0 ? [`Left down after restarting in a loop: ${down.join(', ')} (see their logs in logs/; restart the stamp once fixed)`] : []),
  ].join('\n');
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    rethrowIfAssertion(error);
    // EPERM: alive, but not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
