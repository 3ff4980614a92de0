import type { Clock } from '@strata/common';
import type { ProcessInfo, Stamp } from '@strata/deploy';
import type { ClusterView } from './cluster-view.js';
import { flipByte, SMALL_DISK_FULL_BELOW_BYTES, type SmallDisk } from './disk-faults.js';
import type { History } from './history.js';
import { extentNodeTarget, liveIds, partitionServerTarget, pickBy, sealedReplicaTarget, type Target } from './nemesis-targets.js';
import { slotOf, slotsMax, type FaultKind, type PlannedFault } from './schedule.js';

/** A fault whose slots are all taken (a restart still running) waits this long for one, then is skipped. */
const SLOT_WAIT_MS = 20_000;
/** A process that died by itself is started again after this pause. */
const CRASH_RESTART_DELAY_MS = 1_000;
/** Tries to restart a process before leaving it to the final heal. */
const RESTART_ATTEMPTS_MAX = 3;
const RESTART_RETRY_DELAY_MS = 2_000;

export interface NemesisDeps {
  stamp: Stamp;
  view: ClusterView;
  history: History;
  clock: Clock;
  originMs: number;
  /** The file of a replica of `extentId` on extent node `nodeId`. */
  extentFile(nodeId: string, extentId: string): string;
  /** The extent node on a small disk, when the run fills one. */
  smallDisk?: { nodeId: string; disk: SmallDisk };
}

/**
 * Carries out a schedule of faults against a running stamp: SIGKILL and restart, SIGSTOP and
 * SIGCONT, a flipped byte, a filled disk, an etcd restart. Each fault is healed after its
 * planned time, or at once by `healAll`. It never has more processes of a kind down than the
 * schedule allows (a fault waits for a slowly restarting process), and a process that dies
 * by itself is recorded as a crash and started again.
 */
export class Nemesis {
  private readonly down = new Map<string, 'killed' | 'paused' | 'crashed' | 'filled'>();
  private readonly expectedExits = new Set<string>();
  private readonly heals = new Set<Promise<void>>();
  private readonly healNow = new AbortController();
  private readonly flipped = new Set<string>();
  /** Faults carried out, by kind; plus crashes and skipped faults. */
  readonly counts = new Map<string, number>();

  constructor(private readonly deps: NemesisDeps) {}

  /** The stamp's exit callback: an exit the nemesis did not cause is a crash. */
  onExit(info: ProcessInfo, how: string): void {
    if (this.expectedExits.delete(info.id)) return;
    this.count('crash');
    this.record('crash', info.id, how);
    this.down.set(info.id, 'crashed');
    this.later(CRASH_RESTART_DELAY_MS, () => this.restart(info.id));
  }

  /** Runs the schedule until it ends or `stop` aborts. Faults that find no target are skipped and recorded. */
  async run(schedule: readonly PlannedFault[], stop: AbortSignal): Promise<void> {
    const startedMs = this.deps.clock.monotonicMs();
    for (const fault of schedule) {
      const waitMs = startedMs + fault.atMs - this.deps.clock.monotonicMs();
      if (waitMs > 0) await this.deps.clock.sleep(waitMs, stop).catch(() => undefined);
      if (stop.aborted) return;
      try {
        await this.inject(fault, stop);
      } catch (error) {
        this.skip(fault.kind, (error as Error).message);
      }
    }
  }

  private async inject(fault: PlannedFault, stop: AbortSignal): Promise<void> {
    if (fault.kind === 'flip-byte') return this.flipByte(fault);
    if (fault.kind === 'fill-disk') {
      if (!(await this.slotFree(fault.kind, stop))) return this.skip(fault.kind, 'every slot taken');
      return this.fillDisk(fault);
    }
    const target = await this.targetOf(fault);
    if (!target) return this.skip(fault.kind, 'no target');
    if (!(await this.slotFree(fault.kind, stop))) return this.skip(fault.kind, 'every slot taken');
    if (this.down.has(target.id)) return this.skip(fault.kind, `${target.id} is down already`);
    if (fault.kind.startsWith('pause')) await this.pause(fault, target);
    else await this.kill(fault, target);
  }

  private async targetOf(fault: PlannedFault): Promise<Target | undefined> {
    const processes = this.deps.stamp.processes();
    const downIds = new Set(this.down.keys());
    const live = (role: string): string[] => liveIds(processes, role, downIds);
    switch (fault.kind) {
      case 'kill-extent-node':
      case 'pause-extent-node':
        return extentNodeTarget(this.deps.view, fault, live('extent-node'));
      case 'kill-partition-server':
      case 'pause-partition-server':
        return partitionServerTarget(this.deps.view, fault, live('partition-server'));
      case 'kill-stream-manager-leader':
      case 'pause-stream-manager-leader':
      case 'kill-partition-manager-leader':
      case 'pause-partition-manager-leader': {
        const id = await this.deps.view.leader(fault.kind.includes('stream') ? 'stream' : 'partition');
        return id && !downIds.has(id) ? { id, detail: 'the leader' } : undefined;
      }
      case 'kill-front-end': {
        const id = pickBy(live('front-end'), fault.pick);
        return id ? { id, detail: 'a front-end' } : undefined;
      }
      case 'restart-etcd':
        return downIds.has('etcd') ? undefined : { id: 'etcd', detail: "the stamp's etcd" };
      default:
        return undefined;
    }
  }

  /** Waits until fewer processes of the fault's kind are down than the schedule allows. */
  private async slotFree(kind: FaultKind, stop: AbortSignal): Promise<boolean> {
    // A slot is named after the role whose processes it counts (etcd's role is etcd).
    const slot = slotOf(kind);
    const deadline = this.deps.clock.monotonicMs() + SLOT_WAIT_MS;
    const roleOf = (id: string): string | undefined => this.deps.stamp.processes().find((p) => p.id === id)?.role;
    const taken = async (): Promise<number> =>
      [...this.down.keys()].filter((id) => roleOf(id) === slot).length + (slot === 'extent-node' && (await this.smallDiskFull()) ? 1 : 0);
    while ((await taken()) >= slotsMax(kind)) {
      if (stop.aborted || this.deps.clock.monotonicMs() > deadline) return false;
      await this.deps.clock.sleep(200, stop).catch(() => undefined);
    }
    return true;
  }

  /**
   * Whether the small disk's node takes no new extents while it is up: filled by the nemesis,
   * or full of the run's own data (the stream layer reclaims no space of overwritten blobs yet).
   */
  private async smallDiskFull(): Promise<boolean> {
    const small = this.deps.smallDisk;
    if (!small || this.down.has(small.nodeId)) return false;
    return this.down.has(`${small.nodeId}:disk`) || (await small.disk.freeBytes()) < SMALL_DISK_FULL_BELOW_BYTES;
  }

  private async kill(fault: PlannedFault, target: Target): Promise<void> {
    this.down.set(target.id, 'killed');
    this.expectedExits.add(target.id);
    await this.deps.stamp.kill(target.id, 'SIGKILL');
    this.count(fault.kind);
    this.record(fault.kind, target.id, `${target.detail}; restart in ${fault.healAfterMs} ms`);
    this.later(fault.healAfterMs, () => this.restart(target.id));
  }

  private async pause(fault: PlannedFault, target: Target): Promise<void> {
    this.down.set(target.id, 'paused');
    await this.deps.stamp.kill(target.id, 'SIGSTOP');
    this.count(fault.kind);
    this.record(fault.kind, target.id, `${target.detail}; SIGCONT in ${fault.healAfterMs} ms`);
    this.later(fault.healAfterMs, async () => {
      await this.deps.stamp.kill(target.id, 'SIGCONT');
      this.down.delete(target.id);
      this.record('resume', target.id);
    });
  }

  private async restart(id: string): Promise<void> {
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS_MAX; attempt++) {
      try {
        await this.deps.stamp.restart(id);
        this.down.delete(id);
        this.record('restart', id);
        return;
      } catch (error) {
        this.record('restart-failed', id, `attempt ${attempt}: ${(error as Error).message}`);
        await this.deps.clock.sleep(RESTART_RETRY_DELAY_MS);
      }
    }
  }

  private async flipByte(fault: PlannedFault): Promise<void> {
    const live = liveIds(this.deps.stamp.processes(), 'extent-node', new Set(this.down.keys()));
    const replica = await sealedReplicaTarget(this.deps.view, fault, { live, flipped: this.flipped });
    if (!replica) return this.skip(fault.kind, 'no sealed replica on a live node');
    // A second draw from the first: where in the replica the byte rots.
    const offset = Math.floor(((fault.pick * 7919) % 1) * replica.lengthBytes);
    await flipByte(this.deps.extentFile(replica.nodeId, replica.extentId), offset);
    this.flipped.add(replica.extentId);
    this.count(fault.kind);
    this.record(fault.kind, replica.nodeId, `extent ${replica.extentId} at byte ${offset}`);
  }

  private async fillDisk(fault: PlannedFault): Promise<void> {
    const small = this.deps.smallDisk;
    if (!small || this.down.has(`${small.nodeId}:disk`)) return this.skip(fault.kind, 'no small disk free to fill');
    this.down.set(`${small.nodeId}:disk`, 'filled');
    const bytes = await small.disk.fill();
    this.count(fault.kind);
    this.record(fault.kind, small.nodeId, `${(bytes / 1024 / 1024).toFixed(0)} MiB of ballast; removed in ${fault.healAfterMs} ms`);
    this.later(fault.healAfterMs, async () => {
      await small.disk.release();
      this.down.delete(`${small.nodeId}:disk`);
      this.record('disk-freed', small.nodeId);
    });
  }

  /** Runs `heal` after `ms`, or at once when `healAll` is called. */
  private later(ms: number, heal: () => Promise<void>): void {
    const run = this.deps.clock
      .sleep(ms, this.healNow.signal)
      .catch(() => undefined)
      .then(heal)
      .catch((error: unknown) => this.record('heal-failed', '', (error as Error).message))
      .finally(() => this.heals.delete(run));
    this.heals.add(run);
  }

  /** Heals every fault now (restarts, SIGCONTs, frees the disk) and waits for it; then restarts anything still down. */
  async healAll(): Promise<void> {
    this.healNow.abort();
    while (this.heals.size > 0) await Promise.allSettled([...this.heals]);
    for (const [id, how] of [...this.down]) {
      if (how === 'paused') await this.deps.stamp.kill(id, 'SIGCONT').catch(() => undefined);
      else if (how !== 'filled') await this.restart(id);
    }
  }

  /** Whether `healAll` left anything down. */
  get allHealed(): boolean {
    return this.down.size === 0;
  }

  private skip(kind: string, why: string): void {
    this.count('skipped');
    this.record('skip', kind, why);
  }

  private count(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  private record(action: string, target: string, detail?: string): void {
    this.deps.history.record({ type: 'nemesis', atMs: this.deps.clock.monotonicMs() - this.deps.originMs, action, target, ...(detail ? { detail } : {}) });
  }
}
