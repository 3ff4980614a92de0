import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '@strata/deploy';
import { CEPH_OSD_COUNT, CEPH_RGW_CLIENT, cephConfig } from './ceph-config.js';
import { S3Presigner } from './s3-presigner.js';
import { ServerCluster } from './server-cluster.js';
import { startServerProcess } from './server-process.js';
import { requireTools, runCommand, waitFor } from './system-tools.js';
import { makeTempDir } from './temp-dir.js';
import type { RunningTarget, TargetFactory } from './target.js';

const BUCKET = 'bench';
/** Debian's packages (bookworm: Ceph 16.2.15, Pacific). */
const CEPH_PACKAGES = ['ceph-mon', 'ceph-mgr', 'ceph-osd', 'radosgw', 'ceph-common'];
/** RGW creates its pools before it listens, and waits for their PGs to peer: slow on a busy machine. */
const DAEMON_START_DEADLINE_MS = 180_000;
/** From the last OSD started to all three up and in the OSD map. */
const OSDS_UP_TIMEOUT_MS = 120_000;
/** The first PUT waits for RGW to create the data pool and its PGs to peer. */
const WARM_UP_TIMEOUT_MS = 120_000;

/** The cluster as it is being built: what must be stopped, in reverse, if anything fails. */
class CephCluster extends ServerCluster {
  readonly conf: string;

  constructor(dir: string) {
    super('ceph', dir);
    this.conf = join(dir, 'ceph.conf');
  }

  /** The `ceph` CLI as client.admin, JSON out. */
  async ceph(...args: string[]): Promise<string> {
    return runCommand('ceph', ['-c', this.conf, '--connect-timeout', '30', ...args]);
  }

  async start(label: string, command: string, args: string[], ready: { tcpPort: number } | { spawnedIsReady: true }): Promise<void> {
    const server = await startServerProcess({
      name: `ceph ${label}`,
      command,
      args: ['-f', '-c', this.conf, ...args],
      startDeadlineMs: DAEMON_START_DEADLINE_MS,
      ...ready,
    });
    // Labelled as Ceph names them: mon.a, osd.0, …
    this.processes.push({ label, server });
  }

  /** RGW first, then the OSDs together, the mgr, the mon: each gets SIGTERM and a grace period. */
  async stop(): Promise<void> {
    const byKind = (prefix: string) => this.processes.filter((p) => p.label.startsWith(prefix));
    for (const group of [byKind('rgw'), byKind('osd'), byKind('mgr'), byKind('mon')]) await Promise.all(group.map((p) => p.server.stop()));
  }
}

async function startMon(cluster: CephCluster, fsid: string, monPort: number): Promise<void> {
  const { dir } = cluster;
  const keyring = join(dir, 'keyring');
  await runCommand('ceph-authtool', ['--create-keyring', keyring, '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *']);
  await runCommand('ceph-authtool', [
    keyring,
    '--gen-key',
    '-n',
    'client.admin',
    ...['--cap', 'mon', 'allow *', '--cap', 'osd', 'allow *', '--cap', 'mgr', 'allow *'],
  ]);
  await runCommand('monmaptool', ['--create', '--fsid', fsid, '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, join(dir, 'monmap')]);
  await runCommand('ceph-mon', ['-c', cluster.conf, '--mkfs', '-i', 'a', '--monmap', join(dir, 'monmap'), '--keyring', keyring]);
  await cluster.start('mon.a', 'ceph-mon', ['-i', 'a'], { tcpPort: monPort });
}

/** One OSD the way vstart.sh makes one: register it, mkfs its BlueStore, start it. */
async function startOsd(cluster: CephCluster, index: number): Promise<void> {
  const uuid = randomUUID();
  const key = (await runCommand('ceph-authtool', ['--gen-print-key'])).trim();
  const osdDir = join(cluster.dir, `osd.${index}`);
  await mkdir(osdDir);
  const secret = join(osdDir, 'new.json');
  await writeFile(secret, JSON.stringify({ cephx_secret: key }));
  const id = (await cluster.ceph('osd', 'new', uuid, '-i', secret)).trim();
  await rm(secret);
  if (id !== String(index)) throw new Error(`ceph osd new gave id ${id}, expected ${index}`);
  await writeFile(join(osdDir, 'keyring'), `[osd.${id}]\n\tkey = ${key}\n`);
  await runCommand('ceph-osd', ['-c', cluster.conf, '-i', id, '--mkfs', '--key', key, '--osd-uuid', uuid]);
  await cluster.start(`osd.${id}`, 'ceph-osd', ['-i', id], { spawnedIsReady: true });
}

/** mon, mgr, three OSDs (up and in), RGW; returns the S3 user's keys. */
async function buildCluster(cluster: CephCluster, ports: { mon: number; rgw: number }): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const { dir } = cluster;
  const fsid = randomUUID();
  await Promise.all(['run', 'log', 'mgr.x', 'rgw'].map((sub) => mkdir(join(dir, sub))));
  await writeFile(cluster.conf, cephConfig({ dir, fsid, monPort: ports.mon, rgwPort: ports.rgw }));
  await startMon(cluster, fsid, ports.mon);
  await cluster.ceph('auth', 'get-or-create', 'mgr.x', 'mon', 'allow profile mgr', 'osd', 'allow *', '-o', join(dir, 'mgr.x', 'keyring'));
  await cluster.start('mgr.x', 'ceph-mgr', ['-i', 'x'], { spawnedIsReady: true });
  for (let index = 0; index < CEPH_OSD_COUNT; index++) await startOsd(cluster, index);
  await waitFor(
    `${CEPH_OSD_COUNT} OSDs up and in`,
    async () => {
      const stat = JSON.parse(await cluster.ceph('osd', 'stat', '-f', 'json')) as { num_up_osds: number; num_in_osds: number };
      return stat.num_up_osds === CEPH_OSD_COUNT && stat.num_in_osds === CEPH_OSD_COUNT;
    },
    { timeoutMs: OSDS_UP_TIMEOUT_MS },
  );
  await cluster.ceph('auth', 'get-or-create', CEPH_RGW_CLIENT, 'mon', 'allow rw', 'osd', 'allow rwx', 'mgr', 'allow rw', '-o', join(dir, 'rgw', 'keyring'));
  await cluster.start('rgw', 'radosgw', ['-n', CEPH_RGW_CLIENT], { tcpPort: ports.rgw });
  const keys = { accessKeyId: randomBytes(10).toString('hex').toUpperCase(), secretAccessKey: randomBytes(20).toString('hex') };
  const user = ['--uid', 'bench', '--display-name', 'Strata bench', '--access-key', keys.accessKeyId, '--secret', keys.secretAccessKey];
  await runCommand('radosgw-admin', ['-c', cluster.conf, 'user', 'create', ...user]);
  return keys;
}

/**
 * Ceph RGW on a one-host cluster built by hand in a temp dir (Debian's Ceph 16.2): one mon, one
 * mgr, three BlueStore OSDs on sparse files, every pool size 3 / min_size 2, RGW (beast) with an
 * S3 user whose presigned URLs it checks (SigV4). Started and stopped by the bench.
 */
export const cephTarget: TargetFactory = {
  name: 'ceph',
  async start(): Promise<RunningTarget> {
    requireTools({
      peer: 'ceph',
      commands: [
        ['ceph-mon', '--version'],
        ['ceph-osd', '--version'],
        ['ceph-mgr', '--version'],
        ['radosgw', '--version'],
        ['ceph', '--version'],
        ['monmaptool', '--help'],
      ],
      packages: CEPH_PACKAGES,
    });
    const version = (await runCommand('ceph-osd', ['--version'])).match(/ceph version (\S+)/)?.[1] ?? '?';
    const cluster = new CephCluster(await makeTempDir('ceph'));
    const ports = { mon: await freePort(), rgw: await freePort() };
    const origin = `http://127.0.0.1:${ports.rgw}`;
    return cluster.run(async () => {
      const keys = await buildCluster(cluster, ports);
      const presigner = new S3Presigner({ origin, region: 'us-east-1', bucket: BUCKET, ...keys });
      await presigner.warmUp('RGW', { timeoutMs: WARM_UP_TIMEOUT_MS });
      return {
        name: 'ceph',
        description: `Ceph RGW ${version} (beast), 1 mon, 1 mgr, ${CEPH_OSD_COUNT} BlueStore OSDs on sparse files, pools size 3 / min_size 2`,
        durability: '3 replicas: RGW acks when all three OSDs have committed the write (BlueStore flushes the device before it commits)',
        origin,
        presigner,
      };
    });
  },
};
