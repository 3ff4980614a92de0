import { assert, errorMessage, ignoreError, PrefixCache, rethrowIfAssertion, warnDropped, type BackgroundWorker, type Etcd3, type Timer } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { decodeMapEntry, partitionKeys } from '../../etcd-keys.js';
import { PartitionError } from '../../errors.js';
import { compareKeys } from '../../keys.js';
import { MAP_CONFIRM_INTERVAL_MS, MAP_FRESH_MS } from '../../limits.js';
import { Partition, type PartitionDeps } from '../partition.js';
import { ReadFence } from './read-fence.js';

/** A partition that failed to load is tried again after this (or at the map's next change). */
const LOAD_RETRY_MS = 1_000;
/** A partition that failed a commit is loaded again after this. */
const RELOAD_AFTER_FAILURE_MS = 500;

interface Hosted {
  generation: number;
  partition?: Partition;
  loading?: Promise<void>;
}

/**
 * The partitions this server serves: it watches the partition map and loads every partition
 * assigned to it (at its current generation), and unloads every partition assigned elsewhere. A
 * request is served only by a loaded partition that contains its key, and only while the
 * read fence holds (`read-fence.ts`): the host re-reads the map every MAP_CONFIRM_INTERVAL_MS
 * (its background job `partition-map-confirm`) to keep it up, whatever its watch does.
 */
export class PartitionHost {
  private readonly hosted = new Map<string, Hosted>();
  private map: PrefixCache<partitionV1.Partition__Output> | undefined;
  private readonly fence: ReadFence;
  /** The generation at which each partition last served here: a reload at that generation waits for no one. */
  private readonly servedGenerations = new Map<string, number>();
  private confirmer: BackgroundWorker | undefined;
  /** Pending retries of a load or reload: cancelled at stop. */
  private readonly retries = new Set<Timer>();
  /** Aborts a handover wait when the host stops. */
  private readonly stopping = new AbortController();

  /**
   * `leaseValidForMs` says how long this server's registration lease is sure to last: below a
   * margin the server serves nothing (a server paused past its lease may have lost its
   * partitions to another without having heard yet).
   */
  constructor(private readonly deps: PartitionDeps & { serverId: string; etcd: Etcd3; prefix: string; leaseValidForMs: () => number }) {
    this.fence = new ReadFence(deps);
  }

  /** Drops every partition: the lease was lost, so any of them may belong to another server by now. */
  unloadAll(reason: string): void {
    for (const [partitionId, hosted] of this.hosted) {
      this.deps.log.warn({ partitionId, reason }, 'partition dropped');
      this.unload(partitionId, hosted);
    }
  }

  async start(): Promise<void> {
    const openedFrom = this.deps.clock.monotonicMs();
    this.map = await PrefixCache.open<partitionV1.Partition__Output>({
      client: this.deps.etcd,
      prefix: partitionKeys(this.deps.prefix).map,
      decode: decodeMapEntry,
      log: this.deps.log,
    });
    this.fence.confirmed(openedFrom);
    this.map.on('change', () => this.reconcile());
    this.reconcile();
    this.confirmer = this.deps.workers.start({ name: 'partition-map-confirm', intervalMs: MAP_CONFIRM_INTERVAL_MS, run: () => this.confirmMap() });
  }

  /** Re-reads the map (changes found reconcile at once) and moves the read fence forward. */
  private async confirmMap(): Promise<void> {
    if (!this.map) return;
    const from = this.deps.clock.monotonicMs();
    const wasStale = this.fence.stale();
    try {
      await this.map.refresh(MAP_FRESH_MS);
      if (wasStale) this.deps.log.info('partition map confirmed again: serving');
      this.fence.confirmed(from);
    } catch (error) {
      rethrowIfAssertion(error);
      // Said once per outage, not at every round (two a second): the fence, not the job's
      // status, is what stops serving.
      if (!wasStale) this.deps.log.warn({ err: errorMessage(error) }, 'partition map could not be confirmed');
    }
  }

  /** Runs `reconcile` after `ms`, unless the host stops first. */
  private reconcileAfter(ms: number): void {
    const timer = this.deps.clock.after(ms, () => {
      this.retries.delete(timer);
      this.reconcile();
    });
    this.retries.add(timer);
  }

  private reconcile(): void {
    // A reload or retry timed before the host stopped loads nothing after it.
    if (this.stopping.signal.aborted) return;
    const map = this.map?.snapshot() ?? new Map<string, partitionV1.Partition__Output>();
    for (const [partitionId, hosted] of this.hosted) {
      const descriptor = map.get(partitionId);
      if (!descriptor || descriptor.ownerId !== this.deps.serverId || descriptor.generation !== hosted.generation) this.unload(partitionId, hosted);
    }
    for (const descriptor of map.values()) {
      if (descriptor.ownerId === this.deps.serverId && !this.hosted.has(descriptor.partitionId)) this.load(descriptor);
    }
  }

  private load(descriptor: partitionV1.Partition__Output): void {
    const hosted: Hosted = { generation: descriptor.generation };
    const log = this.deps.log.child({ partitionId: descriptor.partitionId, generation: descriptor.generation });
    log.info('partition loading');
    const onFailed = (partitionId: string, error: Error): void => this.reload(partitionId, hosted, error);
    hosted.loading = this.confirmOwnership(descriptor)
      .then(async (current) => {
        // Wait before opening the streams, not after: a former owner still serving would
        // otherwise acknowledge writes the replay below never saw.
        const waitMs =
          this.servedGenerations.get(descriptor.partitionId) === current.generation ? 0 : this.fence.handoverEndsMs(current) - this.deps.clock.monotonicMs();
        if (waitMs > 0) {
          log.info({ previousOwnerId: current.previousOwnerId, waitMs: Math.round(waitMs) }, 'partition waits until its previous owner has stopped serving');
          await this.deps.clock.sleep(waitMs, this.stopping.signal);
          if (this.hosted.get(descriptor.partitionId) !== hosted)
            throw new PartitionError('NOT_OWNER', `partition ${descriptor.partitionId} left this server while it waited`);
        }
        return Partition.load({ ...this.deps, log, onFailed, servingForMs: () => this.fence.validForMs() }, descriptor);
      })
      .then(
        async (partition) => {
          if (this.hosted.get(descriptor.partitionId) !== hosted) {
            await partition.close();
            return;
          }
          partition.start();
          hosted.partition = partition;
          hosted.loading = undefined;
          this.servedGenerations.set(descriptor.partitionId, descriptor.generation);
          log.info('partition serving');
        },
        (error: unknown) => {
          rethrowIfAssertion(error);
          if (this.stopping.signal.aborted) return;
          log.error({ err: error }, 'partition failed to load');
          if (this.hosted.get(descriptor.partitionId) === hosted) this.hosted.delete(descriptor.partitionId);
          // Try again on the next change of the map, or after a pause.
          this.reconcileAfter(LOAD_RETRY_MS);
        },
      );
    this.hosted.set(descriptor.partitionId, hosted);
  }

  /**
   * A commit failed, so whether its record reached the log is unknown: drop the partition and
   * load it again, which replays exactly what the log holds.
   */
  private reload(partitionId: string, hosted: Hosted, error: Error): void {
    if (this.hosted.get(partitionId) !== hosted) return;
    this.deps.log.error({ partitionId, err: error }, 'partition failed a commit; reloading');
    this.unload(partitionId, hosted);
    this.reconcileAfter(RELOAD_AFTER_FAILURE_MS);
  }

  private unload(partitionId: string, hosted: Hosted): void {
    this.hosted.delete(partitionId);
    this.deps.log.info({ partitionId, generation: hosted.generation }, 'partition unloading');
    void hosted.partition?.close().catch(warnDropped(this.deps.log, 'partition close failed', { partitionId }));
  }

  /** Why this server cannot serve every partition assigned to it yet (for its readiness probe), or undefined when it can. */
  readiness(): string | undefined {
    if (!this.map) return 'partition map not read yet';
    const waiting = [...this.map.snapshot().values()].filter((d) => d.ownerId === this.deps.serverId && !this.hosted.get(d.partitionId)?.partition);
    return waiting.length > 0 ? `partitions loading: ${waiting.map((d) => d.partitionId).join(', ')}` : undefined;
  }

  /**
   * Reads the partition's entry from etcd itself, not from the watched copy (which may lag),
   * so that a server that just lost its lease never fences out the partition's new owner.
   */
  private async confirmOwnership(descriptor: partitionV1.Partition__Output): Promise<partitionV1.Partition__Output> {
    const raw = await this.deps.etcd.get(partitionKeys(this.deps.prefix).partition(descriptor.partitionId)).string();
    const current = raw === null ? undefined : decodeMapEntry(raw);
    if (current?.ownerId !== this.deps.serverId || current.generation !== descriptor.generation) {
      throw new PartitionError('NOT_OWNER', `partition ${descriptor.partitionId} is no longer assigned here at generation ${descriptor.generation}`);
    }
    // A partition's range is fixed for its life (a split or merge makes new partitions): a
    // served range that differs from its map entry would answer for keys it does not hold.
    assert(
      current.lowKey === descriptor.lowKey && current.highKey === descriptor.highKey,
      `partition ${descriptor.partitionId} was [${descriptor.lowKey}, ${descriptor.highKey}) and its map entry says [${current.lowKey}, ${current.highKey})`,
    );
    assert(
      current.highKey === '' || compareKeys(current.lowKey, current.highKey) < 0,
      `partition ${descriptor.partitionId} has an empty range [${current.lowKey}, ${current.highKey})`,
    );
    return current;
  }

  /** The loaded partition holding `key`. */
  route(key: Buffer): Partition {
    this.fence.check();
    for (const hosted of this.hosted.values()) {
      if (hosted.partition?.contains(key)) {
        hosted.partition.recordOperation();
        return hosted.partition;
      }
    }
    for (const descriptor of this.map?.snapshot().values() ?? []) {
      const low = Buffer.from(descriptor.lowKey);
      const inRange = Buffer.compare(key, low) >= 0 && (descriptor.highKey === '' || Buffer.compare(key, Buffer.from(descriptor.highKey)) < 0);
      if (inRange && this.hosted.has(descriptor.partitionId)) throw new PartitionError('PARTITION_LOADING', `partition ${descriptor.partitionId} is loading`);
    }
    throw new PartitionError('NOT_OWNER', 'no partition of this server holds the key');
  }

  /** The loaded partition with this id. */
  byId(partitionId: string): Partition {
    this.fence.check();
    const hosted = this.hosted.get(partitionId);
    if (hosted?.partition) {
      hosted.partition.recordOperation();
      return hosted.partition;
    }
    if (hosted) throw new PartitionError('PARTITION_LOADING', `partition ${partitionId} is loading`);
    throw new PartitionError('NOT_OWNER', `partition ${partitionId} is not served here`);
  }

  /** Every loaded partition, for stats. */
  loaded(): Partition[] {
    return [...this.hosted.values()].flatMap((hosted) => (hosted.partition ? [hosted.partition] : []));
  }

  async stop(): Promise<void> {
    this.stopping.abort(new Error('partition host stopped'));
    for (const timer of this.retries) timer.cancel();
    this.retries.clear();
    if (this.confirmer) await this.deps.workers.stop(this.confirmer);
    await this.map?.close();
    const closing = [...this.hosted.entries()].map(async ([partitionId, hosted]) => {
      // A load that fails now closes what it opened and was logged; one that succeeds now closes the partition itself.
      await hosted.loading?.catch(ignoreError);
      await hosted.partition?.close().catch(warnDropped(this.deps.log, 'partition close failed', { partitionId }));
    });
    this.hosted.clear();
    await Promise.all(closing);
  }
}
