import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { StampInfo } from '@strata/deploy';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../deploy/bin/strata.js', import.meta.url));

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `strata` CLI to completion. */
export async function strata(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Runs the CLI, expects success, and parses its --json output. */
export async function strataJson<T>(args: string[]): Promise<T> {
  const result = await strata([...args, '--json']);
  if (result.code !== 0) throw new Error(`strata ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Runs Debian's `dig` against the location service's DNS responder (`dns` is host:port). */
export async function dig(dns: string, args: string[]): Promise<string> {
  const [host, port] = dns.split(':');
  const { stdout } = await run('dig', [`@${host}`, '-p', port!, '+time=2', '+tries=2', ...args], { timeout: 30_000 });
  return stdout;
}

/** The status dig printed (NOERROR, NXDOMAIN, REFUSED, ...). */
export const digStatus = (output: string): string => /status: ([A-Z]+)/.exec(output)?.[1] ?? `no status in:\n${output}`;

/** Calls the admin API with the launcher's token unless told otherwise. */
export async function adminCall(
  info: StampInfo,
  method: string,
  path: string,
  options: { body?: string; token?: string | null; endpoint?: string } = {},
): Promise<{ status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> }> {
  const token = options.token === undefined ? info.locationService.adminToken : options.token;
  const response = await fetch(new URL(path, options.endpoint ?? info.locationService.admin), {
    method,
    headers: { ...(token !== null ? { authorization: `Bearer ${token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as { error?: { code: string; message: string } }) : {} };
}
