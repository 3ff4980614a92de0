import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, rethrowIfAssertion } from '@strata/common';
import { LocationClient } from '@strata/location-service';
import { startChild, stopChild, type ChildSpec, type RunningChild } from './child-process.js';
import { requireEtcdBinary } from './etcd-binary.js';
import { freePort } from './free-port.js';
import { LaunchError } from './launch-error.js';
import { waitUntilServing } from './readiness.js';
import { resolveOptions } from './resolve-options.js';
import { mayMoveAddress, sameAddressArgs } from './same-address.js';
import type { LocationServiceInfo, ProcessInfo, StampEvents, StampInfo, StampListener } from './stamp-info.js';
import { StampJsonFile } from './stamp-json.js';
import {
  etcdSpec,
  locationServiceSpecs,
  reporterSpec,
  STAMPS_PREFIX,
  stampLayouts,
  stampRoleSpecs,
  type ResolvedOptions,
  type StampLayout,
  type StampOptions,
} from './stamp-layout.js';
import { Supervisor } from './supervisor.js';

export type { LocationServiceInfo, ProcessInfo, StampEntry, StampEvents, StampInfo, StampListener } from './stamp-info.js';

const STOP_GRACE_MS = 10_000;
const SERVING_TIMEOUT_MS = 90_000;
const STOP_ORDER = ['stamp-reporter', 'front-end', 'location-service', 'partition-server', 'partition-manager', 'stream-manager', 'extent-node'];

/**
 * Local stamps: one etcd, the location service, and every role of each stamp as its own OS
 * process, on one machine. Started in dependency order, stopped in reverse, etcd last. A
 * process that ends by itself (a crash, a SIGKILL from outside) is started again by the
 * supervisor with its identity, data and address, and reported through the listener; one
 * that keeps dying is left down. A process the caller kills (`kill`) stays down until
 * `restart`.
 */
export class Stamp {
  private readonly children = new Map<string, RunningChild>();
  private readonly stampOf = new Map<string, string>();
  /** The test hook's arguments for the supervisor's restarts (setRestartArgs). */
  private readonly restartArgs = new Map<string, string[]>();
  private readonly supervisor: Supervisor;
  private readonly stampJson: StampJsonFile;
  private readonly events: StampEvents;
  private credentials: Pick<StampInfo, 'account' | 'accessKeyId' | 'secretAccessKey'> | undefined;
  private stopping = false;

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly layouts: StampLayout[],
    private readonly specs: Map<string, ChildSpec>,
    listener: StampListener,
  ) {
    this.events = typeof listener === 'function' ? { exited: listener } : listener;
    this.stampJson = new StampJsonFile(join(options.dataDir, 'stamp.json'), () =>
      this.credentials && !this.stopping ? `${JSON.stringify(this.info, null, 2)}\n` : undefined,
    );
    this.supervisor = new Supervisor({
      clock: options.clock ?? systemClock,
      policy: options.supervision,
      relaunch: (id, relaunch) => this.relaunch(id, relaunch),
      events: {
        restarted: ({ id, ...report }) => this.events.restarted?.(this.describeId(id), report),
        restartFailed: ({ id, ...report }) => this.events.restartFailed?.(this.describeId(id), report),
        down: ({ id, ...report }) => this.events.down?.(this.describeId(id), report),
        changed: () => this.stampJson.schedule(),
      },
    });
  }

  /**
   * Starts every process and resolves once the stamps serve S3 and stamp.json is written.
   * `listener` hears of processes that end by themselves, and of what the supervisor does.
   */
  static async start(options: StampOptions, listener: StampListener = {}): Promise<Stamp> {
    requireEtcdBinary();
    await mkdir(join(options.dataDir, 'logs'), { recursive: true });
    const resolved = await resolveOptions(options);
    const etcd = etcdSpec(resolved, { client: await freePort(), peer: await freePort() });
    const stamp = new Stamp(resolved, stampLayouts(resolved), new Map([[etcd.id, etcd]]), listener);
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
      await stamp.stampJson.write();
      return stamp;
    } catch (error) {
      rethrowIfAssertion(error);
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

  /**
   * Starts `spec` (plus `extraArgs` for this run only: they win over its own) and watches its
   * exit: one that the launcher did not cause goes to the supervisor and the listener.
   */
  private async launch(spec: ChildSpec, stampId?: string, extraArgs: readonly string[] = []): Promise<RunningChild> {
    this.specs.set(spec.id, spec);
    if (stampId) this.stampOf.set(spec.id, stampId);
    const child = await startChild(extraArgs.length > 0 ? { ...spec, args: [...spec.args, ...extraArgs] } : spec);
    this.children.set(spec.id, child);
    this.supervisor.started(spec.id);
    void child.exited.then(({ code, signal }) => {
      if (this.stopping || this.children.get(spec.id) !== child) return;
      const how = signal ?? `code ${code}`;
      this.supervisor.exited(spec.id, how);
      this.events.exited?.(this.describe(child), how);
    });
    return child;
  }

  /** The supervisor's restart of `id`: its own arguments, its last address, and the test hook's arguments. */
  private async relaunch(id: string, options: { afterFailure: boolean }): Promise<void> {
    const spec = this.specs.get(id)!;
    const address = this.children.get(id)?.ready.address;
    await this.launch(spec, this.stampOf.get(id), [...sameAddressArgs(spec, address, options), ...(this.restartArgs.get(id) ?? [])]);
  }

  private describe(child: RunningChild): ProcessInfo {
    const stampId = this.stampOf.get(child.spec.id);
    return {
      role: child.spec.role,
      id: child.spec.id,
      pid: child.ready.pid,
      address: child.ready.address ?? '',
      ...(stampId ? { stampId } : {}),
      ...(typeof child.ready.info?.probeAddress === 'string' ? { probeAddress: child.ready.info.probeAddress } : {}),
      ...this.supervisor.status(child.spec.id),
    };
  }

  private describeId(id: string): ProcessInfo {
    return this.describe(this.children.get(id)!);
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
      launcherPid: process.pid,
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

  /** Every process of the launch, with its current pid (its last one while it is not running) and state. */
  processes(): ProcessInfo[] {
    return [...this.children.values()].map((child) => this.describe(child));
  }

  /** The data directory. */
  get dataDir(): string {
    return this.options.dataDir;
  }

  /**
   * Sends `signal` to one process (SIGKILL by default) and waits until it has exited, for
   * SIGKILL and SIGTERM. A process killed here stays down (the caller plays the failure and
   * says when it ends, with `restart`); SIGSTOP and SIGCONT change nothing of that.
   */
  async kill(id: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.children.has(id)) throw new LaunchError(`no process ${id}`);
    if (signal !== 'SIGSTOP' && signal !== 'SIGCONT') await this.supervisor.takeOver(id);
    const child = this.children.get(id)!;
    if (hasExited(child)) return;
    process.kill(child.ready.pid, signal);
    if (signal === 'SIGKILL' || signal === 'SIGTERM') await child.exited;
  }

  /**
   * Starts a process again (after a kill or crash, or while it runs) with its own arguments,
   * plus `extraArgs` for this start only (they win over its own), on the address it had (see
   * sameAddressArgs). Supervised again afterwards, unless `extraArgs` were given: a run with
   * one-off arguments is the caller's experiment, and when it ends it stays down.
   */
  async restart(id: string, extraArgs: string[] = []): Promise<ProcessInfo> {
    const spec = this.specs.get(id);
    if (!spec) throw new LaunchError(`no process ${id}`);
    await this.supervisor.takeOver(id);
    const old = this.children.get(id);
    if (old) await stopChild(old, STOP_GRACE_MS);
    this.restartArgs.delete(id);
    const stampId = this.stampOf.get(id);
    const sameAddress = sameAddressArgs(spec, old?.ready.address, { afterFailure: false });
    const child = await this.launch(spec, stampId, [...sameAddress, ...extraArgs]).catch((error: unknown) => {
      rethrowIfAssertion(error);
      if (sameAddress.length === 0 || !mayMoveAddress(spec)) throw error;
      return this.launch(spec, stampId, extraArgs);
    });
    this.supervisor.release(id, { held: extraArgs.length > 0 });
    await this.stampJson.write();
    return this.describe(child);
  }

  /**
   * Test hook: arguments that every restart the supervisor makes of `id` from now on gets
   * (a bad flag makes a role that dies at once on start, to see the crash-loop limit). A
   * `restart` by the caller clears them.
   */
  setRestartArgs(id: string, args: readonly string[]): void {
    if (!this.specs.has(id)) throw new LaunchError(`no process ${id}`);
    this.restartArgs.set(id, [...args]);
  }

  /** Stops every process: the reporters and front-ends first, etcd last. No restart happens from the start of the stop. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Restarts under way finish first, so that what they started is stopped below.
    await this.supervisor.stop();
    const all = [...this.children.values()];
    for (const tier of STOP_ORDER) {
      await Promise.all(all.filter((child) => child.spec.role === tier).map((child) => stopChild(child, STOP_GRACE_MS)));
    }
    await Promise.all(all.filter((child) => child.spec.role === 'etcd').map((child) => stopChild(child, STOP_GRACE_MS)));
    this.children.clear();
    await this.stampJson.settled();
  }
}

function hasExited(child: RunningChild): boolean {
  return child.process.exitCode !== null || child.process.signalCode !== null;
}
