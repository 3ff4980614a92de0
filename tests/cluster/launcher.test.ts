import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcessInfo, StampInfo } from '@strata/deploy';
import { waitFor } from '@strata/common/testing';
import { processAlive } from '../helpers/process-alive.js';

const CLI = fileURLToPath(new URL('../../deploy/bin/strata.js', import.meta.url));

interface RunningCli {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

interface WorkersListing {
  processes: { id: string; role: string; workers?: { name: string; runs: number; state: string }[]; problem?: string }[];
}

describe('strata start (the launcher behind npm start)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('prints the endpoint and credentials, writes stamp.json, restarts a crashed child, and stops everything on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-test-cli-'));
    const cli = runCli(['start', '--data-dir', dataDir, '--port', '0']);
    cleanups.push(async () => {
      cli.child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    });
    await waitFor('the banner', () => cli.output().includes('Press Ctrl-C to stop.'), { timeoutMs: 90_000 });
    const info = JSON.parse(readFileSync(join(dataDir, 'stamp.json'), 'utf8')) as StampInfo;
    expect(cli.output()).toContain(`Strata is serving S3 at ${info.s3Endpoint}`);
    expect(cli.output()).toContain(info.accessKeyId);
    expect(cli.output()).toContain(info.secretAccessKey);
    expect(info.region).toBe('us-east-1');
    const roles = info.processes.map((p) => p.role).sort();
    expect(roles).toEqual([
      'etcd',
      'extent-node',
      'extent-node',
      'extent-node',
      'extent-node',
      'front-end',
      'location-service',
      'partition-manager',
      'partition-server',
      'partition-server',
      'stamp-reporter',
      'stream-manager',
    ]);
    for (const p of info.processes) expect(processAlive(p.pid), `${p.id} alive`).toBe(true);

    // `strata extents --json` shows every stream and extent with its replicas' health.
    const extents = runCli(['extents', '--json', '--data-dir', dataDir]);
    expect(await extents.exited).toBe(0);
    const listing = JSON.parse(extents.output()) as {
      streams: { name: string; extents: { extentId: string; sealed: boolean; lengthBytes: number; replicas: { nodeId: string; healthy: boolean }[] }[] }[];
    };
    // The first partition's four streams, and the front-end's own two for blob bytes.
    expect(listing.streams.map((stream) => stream.name).sort()).toEqual([
      'fe/fe-1/0/data',
      'fe/fe-1/1/data',
      'p-1/checkpoint',
      'p-1/data',
      'p-1/log',
      'p-1/meta',
    ]);
    for (const stream of listing.streams) {
      expect(stream.extents.at(-1)!.sealed).toBe(false);
      for (const extent of stream.extents) expect(extent.replicas).toHaveLength(3);
    }

    // `strata workers` asks every process for its background jobs: one loop pattern, each with its rounds.
    const listWorkers = async (): Promise<WorkersListing> => {
      const run = runCli(['workers', '--json', '--data-dir', dataDir]);
      expect(await run.exited).toBe(0);
      return JSON.parse(run.output()) as WorkersListing;
    };
    const names = (listing: WorkersListing, role: string): string[] =>
      listing.processes.filter((p) => p.role === role).flatMap((p) => (p.workers ?? []).map((worker) => worker.name.replace(/\/.*/, '/*')));
    const jobs = await waitFor('the capacity jobs to have run', async () => {
      const listing = await listWorkers();
      const capacity = listing.processes
        .filter((p) => p.role === 'extent-node')
        .flatMap((p) => p.workers ?? [])
        .filter((worker) => worker.name === 'capacity');
      return capacity.length === 4 && capacity.every((worker) => worker.runs > 0) ? listing : undefined;
    });
    expect(new Set(names(jobs, 'extent-node'))).toEqual(new Set(['capacity', 'scrub']));
    expect(names(jobs, 'stream-manager')).toEqual(['repair']);
    expect(names(jobs, 'partition-manager').sort()).toEqual(['gc-round', 'policy-round']);
    expect(new Set(names(jobs, 'partition-server'))).toEqual(new Set(['checkpoint/*', 'partition-map-confirm', 'upload-sweep/*', 'usage-report']));
    const table = runCli(['workers', '--data-dir', dataDir]);
    expect(await table.exited).toBe(0);
    expect(table.output()).toMatch(/^sm-1 +repair +\S+/m);

    // A crash is reported, the process comes back by itself where it was, and stamp.json and
    // `strata status` show its new pid and its restart.
    const victim = info.processes.find((p) => p.id === 'en-2')!;
    process.kill(victim.pid, 'SIGKILL');
    await waitFor('the crash report', () => cli.output().includes(`extent-node en-2 (pid ${victim.pid}) exited (SIGKILL); restarting it`), {
      timeoutMs: 90_000,
    });
    await waitFor(
      'the restart report',
      () => /extent-node en-2 is back \(pid \d+, restart 1\), ready \d+\.\d s after it exited \(SIGKILL\)/.test(cli.output()),
      {
        timeoutMs: 90_000,
      },
    );
    const restarted = (): ProcessInfo => (JSON.parse(readFileSync(join(dataDir, 'stamp.json'), 'utf8')) as StampInfo).processes.find((p) => p.id === 'en-2')!;
    await waitFor('stamp.json to have the new pid', () => restarted().pid !== victim.pid, { timeoutMs: 90_000 });
    expect(restarted()).toMatchObject({ state: 'running', restarts: 1, lastExit: 'SIGKILL', address: victim.address });
    expect(processAlive(restarted().pid)).toBe(true);
    const status = runCli(['status', '--data-dir', dataDir]);
    expect(await status.exited).toBe(0);
    expect(status.output()).toMatch(new RegExp(`^en-2 +extent-node +running +${restarted().pid} +1 +\\S+ +SIGKILL +${victim.address}$`, 'm'));

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('strata: stopped');
    for (const p of [...info.processes, restarted()]) expect(processAlive(p.pid), `${p.id} still running after SIGINT`).toBe(false);
  });

  it('says in one line how to install etcd when it is not on PATH', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-test-cli-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const cli = runCli(['start', '--data-dir', dataDir, '--port', '0'], { ...process.env, PATH: '/nonexistent' });
    expect(await cli.exited).toBe(2);
    const lines = cli.output().trim().split('\n');
    expect(lines.at(-1)).toMatch(/^strata: etcd not found on PATH; install it: Debian\/Ubuntu `sudo apt-get install etcd-server`, macOS `brew install etcd`$/);
    expect(existsSync(join(dataDir, 'stamp.json'))).toBe(false);
  });

  it('refuses a bad option with one line and exit code 2', async () => {
    for (const args of [
      ['start', '--port', 'eighty'],
      ['start', '--no-such-flag'],
      ['start', '--partition-servers', '0'],
      ['start', '--front-ends', 'two'],
      ['frobnicate'],
    ]) {
      const cli = runCli(args);
      expect(await cli.exited, args.join(' ')).toBe(2);
      expect(cli.output().trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(cli.output(), args.join(' ')).toMatch(/^strata: /);
    }
  });
});
