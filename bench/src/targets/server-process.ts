import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a peer server may take to start (Azurite loads a lot of modules on a slow machine). */
const START_DEADLINE_MS = 60_000;
/** SIGTERM grace before SIGKILL when stopping a peer. */
const STOP_GRACE_MS = 10_000;
/** Output kept for the error message of a server that failed to start. */
const OUTPUT_TAIL_CHARS = 4000;

/** Children this harness started: killed if the harness itself exits without stopping them. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

/** A peer server process the harness started. */
export interface ServerProcess {
  pid: number;
  /** The first output line that matched `readyLine`, if one was asked for. */
  readyMatch?: RegExpExecArray;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  stop(): Promise<void>;
  /** How it exited, once it has (e.g. `code 1`, `SIGKILL`); undefined while it runs. */
  exited(): string | undefined;
  /** The last few thousand characters it printed. */
  output(): string;
}

/**
 * Starts `command` and resolves once it is ready: when a line of its output matches
 * `readyLine`, or when `tcpPort` on 127.0.0.1 accepts connections. Rejects, after killing
 * it, if it exits first or is not ready within the deadline; the error carries its output.
 */
export async function startServerProcess(spec: {
  name: string;
  command: string;
  args: string[];
  readyLine?: RegExp;
  tcpPort?: number;
  /** Ready as soon as it is spawned: the caller waits on a condition of its own (e.g. a cluster's status). */
  spawnedIsReady?: boolean;
  env?: Record<string, string>;
  /** The working directory (default: the bench's). */
  cwd?: string;
  /** How long it may take to be ready (default 60 s). */
  startDeadlineMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(spec.command, spec.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...spec.env },
    ...(spec.cwd ? { cwd: spec.cwd } : {}),
  });
  started.add(child);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  void exited.then(() => started.delete(child));
  let tail = '';
  let readyMatch: RegExpExecArray | undefined;
  const onOutput = (data: Buffer): void => {
    tail = (tail + data.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    if (spec.readyLine && !readyMatch) readyMatch = spec.readyLine.exec(tail) ?? undefined;
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  let exitedHow: string | undefined;
  void exited.then((how) => (exitedHow = how));
  const startDeadlineMs = spec.startDeadlineMs ?? START_DEADLINE_MS;
  const deadline = performance.now() + startDeadlineMs;
  while (!(spec.spawnedIsReady || readyMatch || (spec.tcpPort !== undefined && (await accepts(spec.tcpPort))))) {
    if (exitedHow !== undefined || performance.now() > deadline) {
      await stop();
      throw new Error(`${spec.name} ${exitedHow ? `exited (${exitedHow})` : `was not ready within ${startDeadlineMs} ms`}; its output:\n${tail}`);
    }
    await sleep(50);
  }
  return { pid: child.pid!, ...(readyMatch ? { readyMatch } : {}), stop, exited: () => exitedHow, output: () => tail };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
