import { PrefixCache, type Clock, type Etcd3, type Logger } from '@strata/common';
import { partitionKeys, type GcStateRecord } from '../etcd-keys.js';

/**
 * The stamp's pause switch for space reclamation, in etcd (`partition/gc/state`) and watched,
 * so the manager stops planning rounds and every partition server stops its compactions at the
 * next record, within a moment of `strata gc pause`.
 */
export class GcSwitch {
  private constructor(
    private readonly deps: { etcd: Etcd3; prefix: string; clock: Clock; pausedByDefault: boolean },
    private readonly cache: PrefixCache<GcStateRecord>,
  ) {}

  static async open(deps: { etcd: Etcd3; prefix: string; clock: Clock; log: Logger; pausedByDefault: boolean }): Promise<GcSwitch> {
    const cache = await PrefixCache.open<GcStateRecord>({
      client: deps.etcd,
      prefix: partitionKeys(deps.prefix).gcState,
      decode: (raw) => JSON.parse(raw) as GcStateRecord,
      log: deps.log,
    });
    return new GcSwitch(deps, cache);
  }

  /** Whether reclamation is paused: as an operator last set it, else the configured default. */
  get paused(): boolean {
    return this.cache.get('')?.paused ?? this.deps.pausedByDefault;
  }

  async set(paused: boolean): Promise<void> {
    const record: GcStateRecord = { paused, changedMs: this.deps.clock.nowMs() };
    await this.deps.etcd.put(partitionKeys(this.deps.prefix).gcState).value(JSON.stringify(record));
  }

  async close(): Promise<void> {
    await this.cache.close();
  }
}
