import { once } from 'node:events';
import { ignoreError, PrefixCache, systemClock, type Clock, type Etcd3, type Logger } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { decodeMapEntry, partitionKeys, type ServerRecord } from '../etcd-keys.js';
import { compareKeys } from '../keys.js';

export interface Located {
  partition: partitionV1.Partition__Output;
  /** The owning server's address; undefined while the partition has no live owner. */
  address: string | undefined;
  /** The owning server's call transport address, when it has one. */
  callAddress?: string | undefined;
}

/** A front-end that met a moved partition re-reads the map at most this often (its watch may have stalled). */
const REFRESH_INTERVAL_MS = 1_000;

/**
 * A front-end's copy of the partition map and of the live partition servers, kept current by
 * etcd watches. It may lag a change by a moment: a server then answers NOT_OWNER and the
 * caller waits for the map to change and tries again.
 */
export class PartitionMap {
  private refreshedAtMs = -Infinity;

  private constructor(
    private readonly map: PrefixCache<partitionV1.Partition__Output>,
    private readonly servers: PrefixCache<ServerRecord>,
    private readonly clock: Clock,
  ) {}

  static async open(options: { etcd: Etcd3; prefix: string; log: Logger; clock?: Clock }): Promise<PartitionMap> {
    const keys = partitionKeys(options.prefix);
    const map = await PrefixCache.open({
      client: options.etcd,
      prefix: keys.map,
      decode: decodeMapEntry,
      log: options.log,
    });
    const servers = await PrefixCache.open({ client: options.etcd, prefix: keys.servers, decode: (raw) => JSON.parse(raw) as ServerRecord, log: options.log });
    return new PartitionMap(map, servers, options.clock ?? systemClock);
  }

  /** Every partition in key order. */
  partitions(): partitionV1.Partition__Output[] {
    return [...this.map.snapshot().values()].sort((a, b) => compareKeys(a.lowKey, b.lowKey));
  }

  /** The partition holding `key`, if the map covers it. */
  locate(key: Buffer): Located | undefined {
    for (const partition of this.partitions()) {
      if (compareKeys(key, partition.lowKey) >= 0 && (partition.highKey === '' || compareKeys(key, partition.highKey) < 0)) {
        const server = this.servers.get(partition.ownerId);
        return { partition, address: server?.address, callAddress: server?.callAddress };
      }
    }
    return undefined;
  }

  /** The partitions that hold keys in [start, end), in key order. */
  covering(start: Buffer, end: Buffer | undefined): Located[] {
    return this.partitions()
      .filter((p) => (p.highKey === '' || compareKeys(start, p.highKey) < 0) && (end === undefined || compareKeys(p.lowKey, end) < 0))
      .map((partition) => ({ partition, address: this.servers.get(partition.ownerId)?.address }));
  }

  /** Resolves at the next change of the map or of the servers, or after `timeoutMs`. */
  async changed(timeoutMs: number): Promise<void> {
    const abort = new AbortController();
    const timer = this.clock.after(timeoutMs, () => abort.abort(new Error('no change of the partition map')));
    const signal = abort.signal;
    // The caller met a stale copy: if the watch stalled (it can across an etcd restart), no
    // change would ever arrive, so read the map again too.
    const now = this.clock.monotonicMs();
    if (now - this.refreshedAtMs >= REFRESH_INTERVAL_MS) {
      this.refreshedAtMs = now;
      // A refresh that fails leaves the copy as it was: the caller's retry meets it again, and
      // the next call tries another refresh.
      void Promise.all([this.map.refresh(timeoutMs), this.servers.refresh(timeoutMs)]).catch(ignoreError);
    }
    try {
      // Rejected when time is up: waiting for a change that did not come is the answer too.
      await Promise.race([once(this.map, 'change', { signal }), once(this.servers, 'change', { signal })]).catch(ignoreError);
    } finally {
      timer.cancel();
      abort.abort();
    }
  }

  /** Whether any partition server is registered and the map has a partition. */
  get ready(): boolean {
    return this.map.snapshot().size > 0 && this.servers.snapshot().size > 0;
  }

  async close(): Promise<void> {
    await this.map.close();
    await this.servers.close();
  }
}
