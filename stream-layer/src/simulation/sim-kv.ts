import { StrataError } from '@strata/common';
import { StreamError } from '../errors.js';
import type { MetadataKv, MetadataTx } from '../stream-manager/metadata-kv.js';
import type { Prng } from './prng.js';
import type { SimProcess, SimWorld } from './world.js';

/** The metadata store's timing and faults, drawn from the seed. */
export interface KvProfile {
  latencyMs: () => number;
  /** Chance a transaction fails before it commits (etcd unreachable). */
  failRate: number;
  /** Chance a transaction commits but its caller hears a failure (the answer was lost). */
  ambiguousRate: number;
}

/** Conflicting attempts before a transaction gives up (as with etcd). */
const RETRIES_MAX = 20;

/**
 * etcd in the simulation: versioned keys, serializable transactions (reads checked at commit,
 * retried on conflict), a leadership term that only the leading stream manager's transactions
 * may commit under, and, from the seed, failed and ambiguous commits. `onCommit` lets the
 * invariant checks see every change as it lands.
 */
export class SimKv {
  private readonly data = new Map<string, { value: string; version: number }>();
  private version = 0;
  /** Who leads, in which term: a transaction of any other (process, term) is refused. */
  leader: { process: SimProcess; term: number } | undefined;
  onCommit: (changes: ReadonlyMap<string, { before: string | undefined; after: string | undefined }>) => void = () => undefined;

  constructor(
    private readonly world: SimWorld,
    private readonly random: Prng,
    private readonly profile: KvProfile,
  ) {}

  /** Ends the injected failures. */
  heal(): void {
    this.profile.failRate = 0;
    this.profile.ambiguousRate = 0;
  }

  /** Reads now, from outside any process (the checks). */
  peek(key: string): string | undefined {
    return this.data.get(key)?.value;
  }

  peekPrefix(prefix: string): [string, string][] {
    return [...this.data].filter(([key]) => key.startsWith(prefix)).map(([key, entry]) => [key, entry.value]);
  }

  private later<T>(process: SimProcess, work: () => T): Promise<T> {
    return new Promise((resolve, reject) =>
      this.world.schedule(process, this.profile.latencyMs(), () => {
        try {
          resolve(work());
        } catch (error) {
          reject(error as Error);
        }
      }),
    );
  }

  /** The stream manager in `process`, leading (or trying to) in `term`. */
  clientFor(process: SimProcess, term: () => number): MetadataKv {
    return {
      get: (key) => this.later(process, () => this.data.get(key)?.value ?? null),
      values: (prefix) => this.later(process, () => this.peekPrefix(prefix).map(([, value]) => value)),
      asLeader: async (body) => {
        for (let attempt = 0; attempt < RETRIES_MAX; attempt++) {
          const reads = new Map<string, number>();
          const writes = new Map<string, string | undefined>();
          const tx: MetadataTx = {
            get: (key) =>
              this.later(process, () => {
                if (writes.has(key)) return writes.get(key) ?? null;
                const entry = this.data.get(key);
                if (!reads.has(key)) reads.set(key, entry?.version ?? 0);
                return entry?.value ?? null;
              }),
            put: async (key, value) => void writes.set(key, value),
            delete: async (key) => void writes.set(key, undefined),
          };
          const result = await body(tx);
          const outcome = await this.later(process, () => this.commit({ process, term: term(), reads, writes }));
          if (outcome === 'conflict') continue;
          return result;
        }
        throw new StrataError('UNAVAILABLE', 'too many conflicting transactions');
      },
    };
  }

  private commit(tx: { process: SimProcess; term: number; reads: Map<string, number>; writes: Map<string, string | undefined> }): 'committed' | 'conflict' {
    if (this.random.chance(this.profile.failRate)) throw new StrataError('UNAVAILABLE', 'simulated etcd failure');
    if (this.leader?.process !== tx.process || this.leader.term !== tx.term) throw new StreamError('NOT_LEADER', 'this stream manager no longer leads');
    for (const [key, version] of tx.reads) if ((this.data.get(key)?.version ?? 0) !== version) return 'conflict';
    const changes = new Map<string, { before: string | undefined; after: string | undefined }>();
    if (tx.writes.size > 0) this.version++;
    for (const [key, value] of tx.writes) {
      changes.set(key, { before: this.data.get(key)?.value, after: value });
      if (value === undefined) this.data.delete(key);
      else this.data.set(key, { value, version: this.version });
    }
    if (changes.size > 0) this.onCommit(changes);
    if (this.random.chance(this.profile.ambiguousRate)) throw new StrataError('UNAVAILABLE', 'simulated etcd answer lost after commit');
    return 'committed';
  }
}
