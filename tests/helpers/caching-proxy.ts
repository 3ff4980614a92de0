import { waitFor } from '@strata/common/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@strata/deploy';

/** The CDN-edge configurations the README documents, rendered and run exactly as shipped. */
const CDN_DIR = join(import.meta.dirname, '..', '..', 'deploy', 'cdn');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface CachingProxy {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Proxies this test file started, killed on exit even if a test forgot. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {{${name}}}`);
    return value;
  });
}

/** Resolves once something accepts connections on the port, or rejects at the deadline (or when the proxy exits). */
async function waitForPort(port: number, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  let exited: string | undefined;
  await waitFor(
    `the proxy to listen on ${port}`,
    async () => {
      if (child.exitCode !== null) exited ??= `the proxy exited with ${child.exitCode}: ${await log()}`;
      if (exited) return true;
      return new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    },
    { timeoutMs: START_TIMEOUT_MS },
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}: ${await log()}`);
  });
  if (exited) throw new Error(exited);
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

/**
 * Debian's nginx with deploy/cdn/nginx-edge.conf, on a free loopback port, in a temp directory
 * of its own (not inside the stamp's: nginx's workers drop to an unprivileged user when started
 * as root, and must reach it).
 */
export async function startNginxEdge(options: { origin: string; accountHost: string }): Promise<CachingProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-nginx-'));
  await chmod(dir, 0o777);
  return runNginx({ ...options, dir });
}

async function runNginx(options: { origin: string; accountHost: string; dir: string }): Promise<CachingProxy> {
  const port = await freePort();
  const template = await readFile(join(CDN_DIR, 'nginx-edge.conf'), 'utf8');
  const config = join(options.dir, 'nginx.conf');
  await writeFile(config, render(template, { LISTEN: `127.0.0.1:${port}`, ORIGIN: options.origin, ACCOUNT_HOST: options.accountHost, DIR: options.dir }));
  const child = spawn('/usr/sbin/nginx', ['-c', config, '-p', options.dir, '-e', join(options.dir, 'startup.log')], { stdio: 'ignore' });
  running.add(child);
  const log = () => readFile(join(options.dir, 'error.log'), 'utf8').catch(() => '');
  await waitForPort(port, child, log);
  return {
    url: `http://127.0.0.1:${port}`,
    dir: options.dir,
    stop: async () => {
      await stopChild(child, 'SIGTERM');
      if (process.env.STRATA_KEEP_TEST_DATA !== '1') await rm(options.dir, { recursive: true, force: true });
    },
  };
}

/** Debian's varnishd with deploy/cdn/varnish-edge.vcl, in the foreground, without jails, in a temp directory. */
export async function startVarnishEdge(options: { origin: string; accountHost: string }): Promise<CachingProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-varnish-'));
  return runVarnish({ ...options, dir });
}

async function runVarnish(options: { origin: string; accountHost: string; dir: string }): Promise<CachingProxy> {
  const port = await freePort();
  const [originHost, originPort] = options.origin.split(':') as [string, string];
  const template = await readFile(join(CDN_DIR, 'varnish-edge.vcl'), 'utf8');
  const vcl = join(options.dir, 'edge.vcl');
  await writeFile(vcl, render(template, { ORIGIN_HOST: originHost, ORIGIN_PORT: originPort, ACCOUNT_HOST: options.accountHost }));
  const child = spawn(
    '/usr/sbin/varnishd',
    ['-F', '-j', 'none', '-a', `127.0.0.1:${port}`, '-T', 'none', '-n', join(options.dir, 'work'), '-f', vcl, '-s', 'malloc,128m'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, async () => output);
  return {
    url: `http://127.0.0.1:${port}`,
    dir: options.dir,
    stop: async () => {
      await stopChild(child, 'SIGTERM');
      if (process.env.STRATA_KEEP_TEST_DATA !== '1') await rm(options.dir, { recursive: true, force: true });
    },
  };
}
