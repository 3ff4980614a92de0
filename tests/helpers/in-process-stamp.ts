import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectEtcd,
  createLogger,
  parseConfig,
  silentLogger,
  systemClock,
  systemRandom,
  Workers,
  type Clock,
  type Etcd3,
  type Logger,
  type RoleContext,
  type RunningRole,
  type z,
} from '@strata/common';
import { ManualClock } from '@strata/common/testing';
import { freePort } from '@strata/deploy';
import { extentNodeSchema, startExtentNode } from '@strata/stream-layer/main/extent-node-role';
import { startStreamManager, streamManagerSchema } from '@strata/stream-layer/main/stream-manager-role';
import { partitionServerSchema, startPartitionServer } from '@strata/partition-layer/main/partition-server-role';
import { partitionManagerSchema, startPartitionManager } from '@strata/partition-layer/main/partition-manager-role';
import { LoneEtcd } from './lone-etcd.js';

export type RoleKind = 'extent-node' | 'stream-manager' | 'partition-server' | 'partition-manager';

/** One role running inside the test's process. */
export interface InProcessRole {
  id: string;
  role: RoleKind;
  address: string;
  workers: Workers;
  running: RunningRole;
}

export interface InProcessStampOptions {
  extentNodes?: number;
  streamManagers?: number;
  partitionServers?: number;
  partitionManagers?: number;
  /** Extra flags per role kind (`--repair-interval-ms 200`). */
  args?: Partial<Record<RoleKind, string[]>>;
  /**
   * The roles' clock. A {@link ManualClock} here follows real time (so gRPC deadlines, etcd
   * leases and the roles' own waits agree) until the test jumps it with `advance`.
   */
  clock?: Clock;
  /** `info` or `debug` to see the roles' logs while debugging a test; silent otherwise. */
  logLevel?: string;
}

const SCHEMAS = {
  'extent-node': { schema: extentNodeSchema, start: startExtentNode },
  'stream-manager': { schema: streamManagerSchema, start: startStreamManager },
  'partition-server': { schema: partitionServerSchema, start: startPartitionServer },
  'partition-manager': { schema: partitionManagerSchema, start: startPartitionManager },
} as const;

/** How often a ManualClock given to the stamp is moved along with real time. */
const FOLLOW_REAL_TIME_MS = 10;

/**
 * A stamp's roles in the test's own process: a real etcd (its own process, its own temp dir),
 * real extent files, real gRPC between the roles, and one clock the test controls. For
 * component tests of the core (commit, seal, handover, checkpoints) that need the real
 * protocols but not process boundaries: they start in a second and can drive time. Tests
 * that kill processes stay cluster tests.
 */
export class InProcessStamp {
  readonly roles = new Map<string, InProcessRole>();
  readonly prefix = '/strata/stamps/in-process';
  private readonly clients: Etcd3[] = [];
  private follower: NodeJS.Timeout | undefined;

  private constructor(
    readonly dir: string,
    readonly etcd: LoneEtcd,
    readonly clock: Clock,
    private readonly options: InProcessStampOptions,
  ) {}

  /** Starts etcd, then the extent nodes, stream managers, partition managers and partition servers asked for (none by default but 3 extent nodes and a stream manager). */
  static async start(options: InProcessStampOptions = {}): Promise<InProcessStamp> {
    const dir = await mkdtemp(join(tmpdir(), 'strata-test-in-process-'));
    const etcd = new LoneEtcd(dir, { client: await freePort(), peer: await freePort() });
    const stamp = new InProcessStamp(dir, etcd, options.clock ?? systemClock, options);
    try {
      await etcd.start();
      stamp.followRealTime();
      for (let i = 1; i <= (options.extentNodes ?? 3); i++) await stamp.startRole('extent-node', `en-${i}`);
      for (let i = 1; i <= (options.streamManagers ?? 1); i++) await stamp.startRole('stream-manager', `sm-${i}`);
      for (let i = 1; i <= (options.partitionManagers ?? 0); i++) await stamp.startRole('partition-manager', `pm-${i}`);
      for (let i = 1; i <= (options.partitionServers ?? 0); i++) await stamp.startRole('partition-server', `ps-${i}`);
    } catch (error) {
      await stamp.stop();
      throw error;
    }
    return stamp;
  }

  /** The `host:port` list the roles' `--etcd` takes. */
  get etcdAddress(): string {
    return this.etcd.endpoint.replace('http://', '');
  }

  /** A client of the stamp's etcd, closed with the stamp. */
  etcdClient(): Etcd3 {
    const client = connectEtcd([this.etcd.endpoint]);
    this.clients.push(client);
    return client;
  }

  /** A logger for the test's own clients, at the stamp's level. */
  logger(name: string): Logger {
    return this.options.logLevel ? createLogger({ role: name, level: this.options.logLevel }) : silentLogger();
  }

  /**
   * Starts (or starts again, on the same data directory) the role `id` of kind `role`, logging
   * to `options.log` when given (a test that reads what the role said), else at the stamp's level.
   */
  async startRole(role: RoleKind, id: string, extraArgs: string[] = [], options: { log?: Logger } = {}): Promise<InProcessRole> {
    if (this.roles.has(id)) throw new Error(`role ${id} is running already`);
    const dataDir = join(this.dir, id);
    const perRole: Record<RoleKind, string[]> = {
      'extent-node': ['--data-dir', dataDir, '--fault-domain', `fd-${id}`],
      'stream-manager': [],
      'partition-server': ['--data-dir', dataDir],
      'partition-manager': [],
    };
    const argv = [
      '--node-id',
      id,
      '--etcd',
      this.etcdAddress,
      '--etcd-prefix',
      this.prefix,
      ...perRole[role],
      ...(this.options.args?.[role] ?? []),
      ...extraArgs,
    ];
    const { schema, start } = SCHEMAS[role];
    const log = options.log ?? this.logger(id);
    const workers = new Workers({ clock: this.clock, log });
    const config = parseConfig(schema as z.ZodObject<z.ZodRawShape>, { argv, env: {} });
    const context = { config, log, clock: this.clock, random: systemRandom, workers } as RoleContext<never>;
    const running = await (start as (context: RoleContext<never>) => Promise<RunningRole>)(context);
    const entry: InProcessRole = { id, role, address: running.address ?? '', workers, running };
    this.roles.set(id, entry);
    return entry;
  }

  /** Stops a role the way SIGTERM would (its parts stop in order, its leases are given back). */
  async stopRole(id: string): Promise<void> {
    const entry = this.roles.get(id);
    if (!entry) return;
    this.roles.delete(id);
    await entry.running.stop();
    await entry.workers.stopAll();
  }

  /** Moves a ManualClock given to the stamp forward by `ms` (its timers fire on the way). */
  async advance(ms: number): Promise<void> {
    if (!(this.clock instanceof ManualClock)) throw new Error('advance needs a ManualClock');
    await this.clock.advance(ms);
  }

  /** Stops every role (partition servers first), etcd, and removes the stamp's directory. */
  async stop(): Promise<void> {
    const order: RoleKind[] = ['partition-server', 'partition-manager', 'stream-manager', 'extent-node'];
    for (const kind of order) {
      for (const entry of [...this.roles.values()].filter((role) => role.role === kind)) {
        await this.stopRole(entry.id).catch((error: unknown) => console.error(`stopping ${entry.id} failed`, error));
      }
    }
    for (const client of this.clients.splice(0)) client.close();
    if (this.follower) clearInterval(this.follower);
    await this.etcd.kill();
    await rm(this.dir, { recursive: true, force: true });
  }

  private followRealTime(): void {
    const clock = this.clock;
    if (!(clock instanceof ManualClock)) return;
    let last = performance.now();
    this.follower = setInterval(() => {
      const now = performance.now();
      void clock.advance(now - last);
      last = now;
    }, FOLLOW_REAL_TIME_MS);
  }
}
