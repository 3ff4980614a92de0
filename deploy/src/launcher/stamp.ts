import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocationClient } from '@strata/location-service';
import { startChild, stopChild, type ChildSpec, type RunningChild } from './child-process.js';
import { requireEtcdBinary } from './etcd-binary.js';
import { freePort } from './free-port.js';
import { LaunchError } from './launch-error.js';
import { etcdSpec, roleSpecs, STAMP_DEFAULTS, STAMPS_PREFIX, type ResolvedOptions, type StampOptions } from './stamp-layout.js';
import { waitUntilServing } from './readiness.js';

export interface ProcessInfo {
  role: string;
  id: string;
  pid: number;
  address: string;
}

/** What `stamp.json` holds: how to reach the stamp and every process it runs. */
export interface StampInfo {
  s3Endpoint: string;
  region: string;
  stampId: string;
  /** Where the stamp's etcd is and the prefix its state lives under, for tools. */
  etcdEndpoint: string;
  etcdPrefix: string;
  account: string;
  accessKeyId: string;
  secretAccessKey: string;
  processes: ProcessInfo[];
}

const STOP_GRACE_MS = 10_000;

/**
 * A local stamp: etcd and every role as its own OS process, on one machine. Started in
 * dependency order, stopped in reverse, etcd last. A process that exits while the stamp runs
 * is reported through `onExit` and left down until `restart`.
 */
export class Stamp {
  private readonly children = new Map<string, RunningChild>();
  private credentials: Pick<StampInfo, 'account' | 'accessKeyId' | 'secretAccessKey'> | undefined;
  private stopping = false;

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly specs: Map<string, ChildSpec>,
    private readonly onExit: (info: ProcessInfo, how: string) => void,
  ) {}

  static async start(options: StampOptions, onExit: (info: ProcessInfo, how: string) => void = () => undefined): Promise<Stamp> {
    requireEtcdBinary();
    const resolved = { ...STAMP_DEFAULTS, ...options } as ResolvedOptions;
    await mkdir(join(resolved.dataDir, 'logs'), { recursive: true });
    const etcd = etcdSpec(resolved, { client: await freePort(), peer: await freePort() });
    const stamp = new Stamp(resolved, new Map([[etcd.id, etcd]]), onExit);
    try {
      const etcdChild = await stamp.launch(etcd);
      const endpoints = { etcd: etcdChild.ready.address! };
      for (const spec of roleSpecs(resolved, endpoints)) stamp.specs.set(spec.id, spec);
      const byRole = (role: string): ChildSpec[] => [...stamp.specs.values()].filter((spec) => spec.role === role);
      await Promise.all(byRole('extent-node').map((spec) => stamp.launch(spec)));
      for (const role of ['stream-manager', 'partition-manager', 'partition-server', 'location-service', 'front-end']) {
        await Promise.all(byRole(role).map((spec) => stamp.launch(spec)));
      }
      await waitUntilServing(stamp.s3Endpoint, 90_000);
      const location = new LocationClient(stamp.children.get('ls-1')!.ready.address!);
      try {
        const account = await location.getAccount(resolved.account);
        const key = account.keys[0]!;
        stamp.credentials = { account: account.name, accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
      } finally {
        location.close();
      }
      await stamp.writeStampJson();
      return stamp;
    } catch (error) {
      await stamp.stop();
      throw error;
    }
  }

  private async launch(spec: ChildSpec): Promise<RunningChild> {
    const child = await startChild(spec);
    this.children.set(spec.id, child);
    void child.exited.then(({ code, signal }) => {
      if (!this.stopping && this.children.get(spec.id) === child) this.onExit(this.describe(child), signal ?? `code ${code}`);
    });
    return child;
  }

  private describe(child: RunningChild): ProcessInfo {
    return { role: child.spec.role, id: child.spec.id, pid: child.ready.pid, address: child.ready.address ?? '' };
  }

  get s3Endpoint(): string {
    const frontEnd = this.children.get('fe-1');
    if (!frontEnd) throw new LaunchError('the front-end is not running');
    return `http://${frontEnd.ready.address}`;
  }

  get info(): StampInfo {
    if (!this.credentials) throw new LaunchError('the stamp is not started');
    return {
      s3Endpoint: this.s3Endpoint,
      region: this.options.region,
      stampId: this.options.stampId,
      etcdEndpoint: this.children.get('etcd')?.ready.address ?? '',
      etcdPrefix: `${STAMPS_PREFIX}/${this.options.stampId}`,
      ...this.credentials,
      processes: this.processes(),
    };
  }

  /** Every running process, also while the stamp is starting or stopping. */
  processes(): ProcessInfo[] {
    return [...this.children.values()].map((child) => this.describe(child));
  }

  /** The stamp's data directory. */
  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Sends `signal` to one process (SIGKILL by default) and waits until it has exited. */
  async kill(id: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(id);
    if (!child) throw new LaunchError(`no process ${id}`);
    process.kill(child.ready.pid, signal);
    if (signal === 'SIGKILL' || signal === 'SIGTERM') await child.exited;
  }

  /**
   * Starts a process again (after a kill or crash) with the same arguments, plus `extraArgs`
   * for this start only (they win over the usual ones).
   */
  async restart(id: string, extraArgs: string[] = []): Promise<ProcessInfo> {
    const spec = this.specs.get(id);
    if (!spec) throw new LaunchError(`no process ${id}`);
    const old = this.children.get(id);
    if (old) await stopChild(old, STOP_GRACE_MS);
    const child = await this.launch({ ...spec, args: [...spec.args, ...extraArgs] });
    await this.writeStampJson();
    return this.describe(child);
  }

  private async writeStampJson(): Promise<void> {
    await writeFile(join(this.options.dataDir, 'stamp.json'), `${JSON.stringify(this.info, null, 2)}\n`);
  }

  /** Stops every process: the front-end first, etcd last. */
  async stop(): Promise<void> {
    this.stopping = true;
    const order = [...this.children.values()].reverse();
    const etcd = order.filter((child) => child.spec.role === 'etcd');
    const roles = order.filter((child) => child.spec.role !== 'etcd');
    for (const tier of ['front-end', 'location-service', 'partition-server', 'partition-manager', 'stream-manager', 'extent-node']) {
      await Promise.all(roles.filter((child) => child.spec.role === tier).map((child) => stopChild(child, STOP_GRACE_MS)));
    }
    await Promise.all(etcd.map((child) => stopChild(child, STOP_GRACE_MS)));
    this.children.clear();
  }
}
