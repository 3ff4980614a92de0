import { fork, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { systemClock, type ReadyMessage } from '@strata/common';
import { StartFailure } from './launch-error.js';

export interface ChildSpec {
  /** Role name, e.g. "extent-node". */
  role: string;
  /** Unique id in the stamp, e.g. "en-1". */
  id: string;
  /** The Node.js script to run. */
  script: string;
  args: string[];
  env?: Record<string, string>;
  logFile: string;
  readyTimeoutMs: number;
}

export interface RunningChild {
  spec: ChildSpec;
  process: ChildProcess;
  pid: number;
  ready: ReadyMessage;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a Node.js role process with an IPC channel and waits for its "ready" message. The
 * child gets its own process group, so a Ctrl-C at the terminal reaches only the launcher,
 * which stops the children in order; and it exits by itself if the launcher dies (the IPC
 * channel closes). Its stdout and stderr go to `logFile`.
 */
export async function startChild(spec: ChildSpec): Promise<RunningChild> {
  const log = openSync(spec.logFile, 'a');
  const child = fork(spec.script, spec.args, {
    stdio: ['ignore', log, log, 'ipc'],
    env: { ...process.env, ...spec.env },
    detached: true,
    execArgv: [],
  });
  closeSync(log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timer = systemClock.after(spec.readyTimeoutMs, () => {
      child.kill('SIGKILL');
      const reason = `not ready within ${spec.readyTimeoutMs} ms`;
      reject(new StartFailure(`${spec.role} ${spec.id} did not become ready within ${spec.readyTimeoutMs} ms; see ${spec.logFile}`, reason));
    });
    child.on('message', (message: ReadyMessage) => {
      if (message?.type === 'ready') {
        timer.cancel();
        resolve(message);
      }
    });
    void exited.then(({ code, signal }) => {
      timer.cancel();
      const reason = `${signal ?? `code ${code}`} before it was ready`;
      reject(new StartFailure(`${spec.role} ${spec.id} exited (${signal ?? `code ${code}`}) before it was ready; see ${spec.logFile}`, reason));
    });
  });
  return { spec, process: child, pid: child.pid!, ready, exited };
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopChild(child: RunningChild, graceMs: number): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = systemClock.after(graceMs, () => child.process.kill('SIGKILL'));
  await child.exited;
  timer.cancel();
}
