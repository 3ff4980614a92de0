import { execFile, spawnSync } from 'node:child_process';

/** A command the bench runs to set a peer up (mkfs, keyrings, rings) gets this long. */
const COMMAND_TIMEOUT_MS = 60_000;
/** Output of a failed command kept for its error message. */
const OUTPUT_TAIL_CHARS = 2000;

/**
 * A peer whose programs are not on this machine. Not an error of the run: the bench says so in
 * one line, with the packages to install, and goes on with the other servers.
 */
export class PeerNotInstalledError extends Error {
  override readonly name = 'PeerNotInstalledError';
}

/**
 * Throws PeerNotInstalledError naming the Debian/Ubuntu packages to install when any of the
 * commands cannot run (each is run once, e.g. with `--version`, and must exit 0).
 */
export function requireTools(options: { peer: string; commands: [string, ...string[]][]; packages: string[] }): void {
  const missing = options.commands.filter(([command, ...args]) => spawnSync(command, args, { stdio: 'ignore', timeout: COMMAND_TIMEOUT_MS }).status !== 0);
  if (missing.length > 0)
    throw new PeerNotInstalledError(
      `${options.peer} is not installed (no ${missing.map(([command]) => command).join(', ')}): apt-get install ${options.packages.join(' ')} (Debian/Ubuntu), or leave ${options.peer} out of --servers`,
    );
}

/** Runs a set-up command to completion; rejects with its output when it fails or overruns. */
export function runCommand(command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: options.timeoutMs ?? COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, ...(options.cwd ? { cwd: options.cwd } : {}) },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const output = `${stdout}${stderr}`.trim().slice(-OUTPUT_TAIL_CHARS);
        reject(new Error(`${command} ${args.join(' ')} failed (${error.killed ? 'timed out' : (error.code ?? error.signal)}): ${output}`));
      },
    );
  });
}

/** Polls `condition` until it holds, at most until `timeoutMs`; rejects naming `what` otherwise. */
export async function waitFor(what: string, condition: () => Promise<boolean>, options: { timeoutMs: number; intervalMs?: number }): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline)
      throw new Error(`${what} did not happen within ${options.timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
