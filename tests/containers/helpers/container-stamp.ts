import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { systemClock } from '@strata/common';
import { freePort } from '@strata/deploy';
import { LocationClient } from '@strata/location-service';
import { GenericContainer, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { HttpReadyWait } from './http-ready-wait.js';
import { ACCOUNT, etcdContainerArgs, roleContainerArgs, type RoleSpec } from './container-layout.js';

/** The images deploy/scripts/build-images.sh builds; override to test other tags. */
export const STRATA_IMAGE = process.env.STRATA_IMAGE ?? 'localhost/strata:dev';
export const STRATA_ETCD_IMAGE = process.env.STRATA_ETCD_IMAGE ?? 'localhost/strata-etcd:dev';
/** Every container a test starts carries it, so CI can prove none is left behind. */
export const TEST_LABEL = 'org.strata.test';

const READY_TIMEOUT_MS = 120_000;

export interface RoleContainer {
  spec: RoleSpec;
  container: StartedTestContainer;
  /** The readiness URL on this host. */
  readyUrl: string;
}

export interface ContainerStampOptions {
  extentNodes: number;
}

/**
 * A stamp of containers, one per role plus etcd, started through testcontainers on podman's
 * API socket (DOCKER_HOST). They share the host's network, so every address is on loopback;
 * extent nodes and the partition server keep their data in a directory of this host mounted as
 * their volume, which outlives a kill and is mounted again on restart.
 */
export class ContainerStamp {
  readonly roles = new Map<string, RoleContainer>();
  s3!: S3Client;
  s3Endpoint = '';
  etcdEndpoint = '';
  credentials = { accessKeyId: '', secretAccessKey: '' };
  /** Milliseconds from the first container's start to the front-end's readiness. */
  startToReadyMs = 0;

  private constructor(readonly dir: string) {}

  /** Starts etcd, then every role in dependency order; on failure removes what it started. */
  static async start(options: ContainerStampOptions): Promise<ContainerStamp> {
    const stamp = new ContainerStamp(await mkdtemp(join(tmpdir(), 'strata-containers-')));
    await mkdir(join(stamp.dir, 'logs'));
    try {
      const started = systemClock.monotonicMs();
      const etcd = { client: await freePort(), peer: await freePort() };
      stamp.etcdEndpoint = `127.0.0.1:${etcd.client}`;
      await stamp.run({ id: 'etcd', role: 'etcd', volume: false }, etcdContainerArgs(etcd), STRATA_ETCD_IMAGE, `http://${stamp.etcdEndpoint}/health`);
      const specs = await roleSpecs(options, stamp.etcdEndpoint);
      for (const tier of [['extent-node'], ['stream-manager', 'partition-manager'], ['partition-server', 'location-service'], ['front-end']]) {
        await Promise.all(specs.filter((spec) => tier.includes(spec.role)).map((spec) => stamp.startRole(spec)));
      }
      stamp.startToReadyMs = Math.round(systemClock.monotonicMs() - started);
      stamp.s3Endpoint = `http://127.0.0.1:${specs.find((spec) => spec.role === 'front-end')!.port}`;
      stamp.credentials = await defaultAccountKeys(stamp.roles.get('ls-1')!);
      stamp.s3 = stamp.client();
      return stamp;
    } catch (error) {
      await stamp.destroy();
      throw error;
    }
  }

  /** An S3 client at the AWS SDK's defaults, pointed at the front-end container. */
  client(): S3Client {
    return new S3Client({ endpoint: this.s3Endpoint, region: 'us-east-1', credentials: this.credentials });
  }

  private async startRole(spec: RoleSpec): Promise<void> {
    await this.run(spec, roleContainerArgs(spec), STRATA_IMAGE, `http://127.0.0.1:${spec.probePort}/readyz`);
  }

  private async run(spec: RoleSpec, args: { command: string[]; env: Record<string, string> }, image: string, readyUrl: string): Promise<void> {
    const log = createWriteStream(join(this.dir, 'logs', `${spec.id}.log`), { flags: 'a' });
    let container = new GenericContainer(image)
      .withName(`strata-test-${process.pid}-${spec.id}`)
      .withLabels({ [TEST_LABEL]: '1' })
      .withNetworkMode('host')
      .withCommand(args.command)
      .withEnvironment(args.env)
      .withWaitStrategy(new HttpReadyWait(readyUrl))
      .withStartupTimeout(READY_TIMEOUT_MS)
      .withLogConsumer((stream) => stream.pipe(log));
    if (spec.volume) {
      const volume = join(this.dir, 'volumes', spec.id);
      await mkdir(volume, { recursive: true });
      // The image runs as uid 10001; the volume is this host's directory.
      await chmod(volume, 0o777);
      container = container.withBindMounts([{ source: volume, target: '/var/lib/strata', mode: 'rw' }]);
    }
    this.roles.set(spec.id, { spec, container: await container.start(), readyUrl });
  }

  /** Sends SIGKILL to one container (the role gets no chance to clean up) and waits until it has exited. */
  async kill(id: string): Promise<void> {
    const role = this.role(id);
    const client = await getContainerRuntimeClient();
    const container = client.container.getById(role.container.getId());
    await container.kill({ signal: 'SIGKILL' });
    await container.wait();
  }

  /** Sends SIGTERM (as `podman stop` does) and returns the exit code once the role has drained and exited. */
  async terminate(id: string): Promise<number> {
    const client = await getContainerRuntimeClient();
    const container = client.container.getById(this.role(id).container.getId());
    await container.kill({ signal: 'SIGTERM' });
    const exit = (await container.wait()) as { StatusCode: number };
    return exit.StatusCode;
  }

  /** Starts the same container again — same command, same volume — and waits until it is ready. */
  async restart(id: string): Promise<void> {
    await this.role(id).container.restart({ timeout: 0 });
  }

  role(id: string): RoleContainer {
    const role = this.roles.get(id);
    if (!role) throw new Error(`no container ${id} in this stamp`);
    return role;
  }

  /** Removes every container (also after a failed start) and the data directory. */
  async destroy(): Promise<void> {
    this.s3?.destroy();
    const roles = [...this.roles.values()].reverse();
    this.roles.clear();
    await Promise.allSettled(roles.map((role) => role.container.stop({ remove: true, removeVolumes: true, timeout: 5_000 })));
    // stop() fails on a container that already exited (a SIGKILL or SIGTERM test left it so),
    // and then does not remove it: remove what is left directly.
    await Promise.allSettled(roles.map((role) => removeContainer(role.container.getId())));
    // STRATA_KEEP_TEST_DATA=1 keeps the directory (logs, volumes) to look at a failure.
    if (process.env.STRATA_KEEP_TEST_DATA !== '1') await rm(this.dir, { recursive: true, force: true });
    else process.stdout.write(`kept container stamp data in ${this.dir}\n`);
  }
}

async function roleSpecs(options: ContainerStampOptions, etcd: string): Promise<RoleSpec[]> {
  const role = async (id: string, kind: RoleSpec['role'], volume = false): Promise<RoleSpec> => ({
    id,
    role: kind,
    volume,
    etcd,
    port: await freePort(),
    probePort: await freePort(),
  });
  const specs: RoleSpec[] = [];
  for (let i = 1; i <= options.extentNodes; i++) specs.push(await role(`en-${i}`, 'extent-node', true));
  for (const [id, kind, volume] of [
    ['sm-1', 'stream-manager'],
    ['pm-1', 'partition-manager'],
    ['ps-1', 'partition-server', true],
    ['ls-1', 'location-service'],
    ['fe-1', 'front-end'],
  ] as const) {
    specs.push(await role(id, kind, volume ?? false));
  }
  return specs;
}

async function defaultAccountKeys(locationService: RoleContainer): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const client = new LocationClient(`127.0.0.1:${locationService.spec.port}`);
  try {
    const key = (await client.getAccount(ACCOUNT)).keys[0]!;
    return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  } finally {
    client.close();
  }
}

/** Removes a container and its anonymous volumes, whatever its state; nothing if it is gone. */
function removeContainer(id: string): Promise<void> {
  return new Promise((resolve) => execFile('podman', ['rm', '--force', '--volumes', id], () => resolve()));
}
