import { mkdir, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocationClient } from '@strata/location-service';
import { adminTokenOf } from './admin-token.js';
import { startChild, stopChild, type ChildSpec, type RunningChild } from './child-process.js';
import { requireEtcdBinary } from './etcd-binary.js';
import { freePort } from './free-port.js';
import { LaunchError } from './launch-error.js';
import {
  etcdSpec,
  locationServiceSpecs,
  reporterSpec,
  STAMP_DEFAULTS,
  STAMPS_PREFIX,
  stampLayouts,
  stampRoleSpecs,
  type ResolvedOptions,
  type StampLayout,
  type StampOptions,
} from './stamp-layout.js';
import { waitUntilServing } from './readiness.js';

export interface ProcessInfo {
  role: string;
  id: string;
  pid: number;
  address: string;
  /** The stamp the process belongs to; absent for etcd and the location service, which serve every stamp. */
  stampId?: string;
}

/** How to reach the location service: its admin API (any instance), the admin token, and its DNS responder. */
export interface LocationServiceInfo {
  admin: string;
  admins: string[];
  adminToken: string;
  dns: string;
  domain: string;
}

/** One stamp of the launch. */
export interface StampEntry {
  stampId: string;
  s3Endpoint: string;
  /** Every front-end of the stamp (the first is `s3Endpoint`). */
  s3Endpoints: string[];
  processes: ProcessInfo[];
}

/**
 * What `stamp.json` holds. The top-level endpoint, credentials and processes are those of a
 * single-stamp launch (the first stamp and its default account; every process); `stamps` lists
 * each stamp with its own endpoint and processes.
 */
export interface StampInfo {
  s3Endpoint: string;
  /** Every front-end of the first stamp (the first is `s3Endpoint`). */
  s3Endpoints: string[];
  region: string;
  /** The first stamp's id. */
  stampId: string;
  /** Where the stamps' etcd is and the prefix the first stamp's state lives under, for tools. */
  etcdEndpoint: string;
  etcdPrefix: string;
  account: string;
  /**
   * The Host value (`{account}.{domain}`) that addresses the default account: what a caching
   * proxy in front of the stamp sends (nginx `proxy_set_header Host`), so that anonymous
   * reads of public containers reach the right account.
   */
  accountHost: string;
  accessKeyId: string;
  secretAccessKey: string;
  processes: ProcessInfo[];
  locationService: LocationServiceInfo;
  stamps: StampEntry[];
}

const STOP_GRACE_MS = 10_000;
const SERVING_TIMEOUT_MS = 90_000;
const STOP_ORDER = ['stamp-reporter', 'front-end', 'location-service', 'partition-server', 'partition-manager', 'stream-manager', 'extent-node'];

/**
 * Local stamps: one etcd, the location service, and every role of each stamp as its own OS
 * process, on one machine. Started in dependency order, stopped in reverse, etcd last. A
 * process that exits while they run is reported through `onExit` and left down until `restart`.
 */
export class Stamp {
  private readonly children = new Map<string, RunningChild>();
  private readonly stampOf = new Map<string, string>();
  private credentials: Pick<StampInfo, 'account' | 'accessKeyId' | 'secretAccessKey'> | undefined;
  private stopping = false;

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly layouts: StampLayout[],
    private readonly specs: Map<string, ChildSpec>,
    private readonly onExit: (info: ProcessInfo, how: string) => void,
  ) {}

  static async start(options: StampOptions, onExit: (info: ProcessInfo, how: string) => void = () => undefined): Promise<Stamp> {
    requireEtcdBinary();
    await mkdir(join(options.dataDir, 'logs'), { recursive: true });
    const resolved = await resolveOptions(options);
    const etcd = etcdSpec(resolved, { client: await freePort(), peer: await freePort() });
    const stamp = new Stamp(resolved, stampLayouts(resolved), new Map([[etcd.id, etcd]]), onExit);
    try {
      const etcdAddress = (await stamp.launch(etcd)).ready.address!;
      // One at a time: the first instance creates the default account and becomes the leader.
      const ports = [];
      for (let i = 0; i < resolved.locationServices; i++) {
        ports.push({ grpc: await freePort(), admin: await freePort(), dns: i === 0 && resolved.dnsPort !== 0 ? resolved.dnsPort : await freePort() });
      }
      for (const spec of locationServiceSpecs(resolved, etcdAddress, ports)) await stamp.launch(spec);
      await Promise.all(stamp.layouts.map((layout) => stamp.startStampRoles(layout, etcdAddress)));
      await stamp.fetchCredentials();
      await stamp.writeStampJson();
      return stamp;
    } catch (error) {
      await stamp.stop();
      throw error;
    }
  }

  private async startStampRoles(layout: StampLayout, etcd: string): Promise<void> {
    const specs = stampRoleSpecs(this.options, layout, etcd);
    const byRole = (role: string): ChildSpec[] => specs.filter((spec) => spec.role === role);
    for (const role of ['extent-node', 'stream-manager', 'partition-manager', 'partition-server', 'front-end']) {
      await Promise.all(byRole(role).map((spec) => this.launch(spec, layout.stampId)));
    }
    const endpoint = this.s3EndpointOf(layout.stampId);
    await waitUntilServing(endpoint, SERVING_TIMEOUT_MS);
    const frontEnds = byRole('front-end').map((spec) => this.children.get(spec.id)!.ready.address!);
    await this.launch(reporterSpec(this.options, layout, { etcd, frontEnds, locationService: this.locationAddresses() }), layout.stampId);
  }

  private async fetchCredentials(): Promise<void> {
    const location = new LocationClient(this.locationAddresses());
    try {
      const account = await location.getAccount(this.options.account);
      const key = account.keys.at(-1)!;
      this.credentials = { account: account.name, accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
    } finally {
      location.close();
    }
  }

  private locationAddresses(): string[] {
    return this.running('location-service').map((child) => child.ready.address!);
  }

  private running(role: string): RunningChild[] {
    return [...this.children.values()].filter((child) => child.spec.role === role);
  }

  private async launch(spec: ChildSpec, stampId?: string): Promise<RunningChild> {
    this.specs.set(spec.id, spec);
    if (stampId) this.stampOf.set(spec.id, stampId);
    const child = await startChild(spec);
    this.children.set(spec.id, child);
    void child.exited.then(({ code, signal }) => {
      if (!this.stopping && this.children.get(spec.id) === child) this.onExit(this.describe(child), signal ?? `code ${code}`);
    });
    return child;
  }

  private describe(child: RunningChild): ProcessInfo {
    const stampId = this.stampOf.get(child.spec.id);
    return { role: child.spec.role, id: child.spec.id, pid: child.ready.pid, address: child.ready.address ?? '', ...(stampId ? { stampId } : {}) };
  }

  /** The first stamp's S3 endpoint. */
  get s3Endpoint(): string {
    return this.s3EndpointOf(this.layouts[0]!.stampId);
  }

  /** A stamp's S3 endpoint (its first front-end). */
  s3EndpointOf(stampId: string): string {
    return this.s3EndpointsOf(stampId)[0]!;
  }

  /** The S3 endpoints of every front-end of a stamp, fe-1 first. */
  s3EndpointsOf(stampId: string): string[] {
    const layout = this.layouts.find((candidate) => candidate.stampId === stampId);
    const frontEnds = layout ? Array.from({ length: this.options.frontEnds }, (_, i) => this.children.get(layout.processId(`fe-${i + 1}`))) : [];
    if (frontEnds.length === 0 || frontEnds.some((frontEnd) => !frontEnd)) throw new LaunchError(`the front-ends of ${stampId} are not running`);
    return frontEnds.map((frontEnd) => `http://${frontEnd!.ready.address}`);
  }

  get info(): StampInfo {
    if (!this.credentials) throw new LaunchError('the stamp is not started');
    const processes = this.processes();
    const first = this.layouts[0]!.stampId;
    return {
      s3Endpoint: this.s3Endpoint,
      s3Endpoints: this.s3EndpointsOf(first),
      region: this.options.region,
      stampId: first,
      etcdEndpoint: this.children.get('etcd')?.ready.address ?? '',
      etcdPrefix: `${STAMPS_PREFIX}/${first}`,
      ...this.credentials,
      accountHost: `${this.credentials.account}.${this.options.domain}`,
      processes,
      locationService: this.locationServiceInfo(),
      stamps: this.layouts.map((layout) => ({
        stampId: layout.stampId,
        s3Endpoint: this.s3EndpointOf(layout.stampId),
        s3Endpoints: this.s3EndpointsOf(layout.stampId),
        processes: processes.filter((info) => info.stampId === layout.stampId),
      })),
    };
  }

  private locationServiceInfo(): LocationServiceInfo {
    const instances = this.running('location-service').map((child) => child.ready.info as { admin: string; dns: string; domain: string });
    if (instances.length === 0) throw new LaunchError('the location service is not running');
    return {
      admin: instances[0]!.admin,
      admins: instances.map((instance) => instance.admin),
      adminToken: this.options.adminToken,
      dns: instances[0]!.dns,
      domain: instances[0]!.domain,
    };
  }

  /** Every running process, also while the stamps are starting or stopping. */
  processes(): ProcessInfo[] {
    return [...this.children.values()].map((child) => this.describe(child));
  }

  /** The data directory. */
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
   * for this start only (they win over the usual ones). A front-end comes back on the address
   * it had, where its clients and the stamp's reporter expect it, even if it first took a
   * port the OS picked.
   */
  async restart(id: string, extraArgs: string[] = []): Promise<ProcessInfo> {
    const spec = this.specs.get(id);
    if (!spec) throw new LaunchError(`no process ${id}`);
    const old = this.children.get(id);
    if (old) await stopChild(old, STOP_GRACE_MS);
    const sameAddress = spec.role === 'front-end' && old?.ready.address ? ['--listen', old.ready.address] : [];
    const child = await this.launch({ ...spec, args: [...spec.args, ...sameAddress, ...extraArgs] }, this.stampOf.get(id));
    // The next restart starts from the usual arguments again.
    this.specs.set(id, spec);
    await this.writeStampJson();
    return this.describe(child);
  }

  private async writeStampJson(): Promise<void> {
    await writeFile(join(this.options.dataDir, 'stamp.json'), `${JSON.stringify(this.info, null, 2)}\n`, { mode: 0o600 });
  }

  /** Stops every process: the reporters and front-ends first, etcd last. */
  async stop(): Promise<void> {
    this.stopping = true;
    const all = [...this.children.values()];
    for (const tier of STOP_ORDER) {
      await Promise.all(all.filter((child) => child.spec.role === tier).map((child) => stopChild(child, STOP_GRACE_MS)));
    }
    await Promise.all(all.filter((child) => child.spec.role === 'etcd').map((child) => stopChild(child, STOP_GRACE_MS)));
    this.children.clear();
  }
}

async function resolveOptions(options: StampOptions): Promise<ResolvedOptions> {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as StampOptions;
  const resolved = { ...STAMP_DEFAULTS, ...defined };
  for (const [name, value] of Object.entries({ frontEnds: resolved.frontEnds, faultDomains: resolved.faultDomains ?? 1 })) {
    if (!Number.isInteger(value) || value < 1) throw new LaunchError(`${name} must be a positive integer, got ${value}`);
  }
  const capacityBytes = options.capacityBytes ?? (await fileSystemBytes(options.dataDir));
  return { ...resolved, capacityBytes, adminToken: await adminTokenOf(options.dataDir) };
}

/** The size of the file system holding `dir`: a local stamp's natural capacity. */
async function fileSystemBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return Math.max(1, stats.blocks * stats.bsize);
}
