import { rethrowIfAssertion } from '../assert.js';
import { EventEmitter } from 'node:events';
import type { Etcd3, IKeyValue, Watcher } from 'etcd3';
import type { Logger } from 'pino';
import { systemClock } from '../clock.js';

interface Entry<Value> {
  value: Value;
  modRevision: number;
}

/**
 * A live copy of every key under an etcd prefix: loaded once, then kept current by a watch
 * from the loaded revision, so no change between the load and the watch is missed. Emits
 * 'change' after each update. Values are decoded once, on arrival.
 *
 * A watch can lag or, across an etcd restart, stall without an error; `refresh()` re-reads the
 * prefix (a linearizable read) and merges it, so a caller that must know the copy is current
 * as of a moment calls it and counts from before the call. Every change is applied only if it
 * is newer than what the copy holds for its key, so a late watch event never undoes a refresh.
 */
export class PrefixCache<Value> extends EventEmitter {
  private readonly entries = new Map<string, Entry<Value>>();
  private readonly values = new Map<string, Value>();
  private watcher: Watcher | undefined;
  private revisionSeen = 0;
  /** Every change at or below this revision is already in the copy (from the last full read). */
  private readRevision = 0;

  private constructor(
    private readonly client: Etcd3,
    private readonly prefix: string,
    private readonly decode: (raw: string, key: string) => Value,
    private readonly log: Logger,
  ) {
    super();
  }

  static async open<Value>(options: { client: Etcd3; prefix: string; decode: (raw: string, key: string) => Value; log: Logger }): Promise<PrefixCache<Value>> {
    const cache = new PrefixCache(options.client, options.prefix, options.decode, options.log);
    const { revision } = await cache.readAll();
    cache.revisionSeen = Math.max(cache.revisionSeen, revision);
    cache.watcher = await options.client
      .watch()
      .prefix(options.prefix)
      .startRevision(String(revision + 1))
      .create();
    cache.watcher.on('put', (kv) => {
      if (cache.put(kv)) cache.emit('change');
    });
    cache.watcher.on('delete', (kv) => {
      if (cache.remove(kv.key.toString().slice(cache.prefix.length), Number(kv.mod_revision))) cache.emit('change');
    });
    cache.watcher.on('error', (error) => options.log.warn({ err: error, prefix: options.prefix }, 'etcd watch error'));
    return cache;
  }

  /**
   * Reads the whole prefix from etcd and merges it into the copy (emitting 'change' if anything
   * changed): once it resolves, the copy holds every change made before the call began.
   */
  async refresh(timeoutMs: number): Promise<void> {
    const { changed } = await this.readAll(timeoutMs);
    if (changed) this.emit('change');
  }

  /** Reads the prefix and merges it: the revision it reflects, and whether the copy changed. */
  private async readAll(timeoutMs?: number): Promise<{ revision: number; changed: boolean }> {
    const read = this.client.getAll().prefix(this.prefix);
    if (timeoutMs !== undefined) read.options({ deadline: systemClock.nowMs() + timeoutMs });
    const response = await read.exec();
    const revision = Number(response.header.revision);
    const present = new Set<string>();
    let changed = false;
    for (const kv of response.kvs) {
      present.add(kv.key.toString().slice(this.prefix.length));
      changed = this.put(kv) || changed;
    }
    // A key missing from the read was deleted at or before its revision, unless the watch
    // already brought a newer version of it.
    for (const [key, entry] of this.entries) {
      if (!present.has(key) && entry.modRevision <= revision) changed = this.remove(key, revision) || changed;
    }
    this.readRevision = Math.max(this.readRevision, revision);
    return { revision, changed };
  }

  /** Applies a put if it is newer than what the copy holds; returns whether it changed anything. */
  private put(kv: IKeyValue): boolean {
    const modRevision = Number(kv.mod_revision);
    const key = kv.key.toString().slice(this.prefix.length);
    if (modRevision <= (this.entries.get(key)?.modRevision ?? 0) || (!this.entries.has(key) && modRevision <= this.readRevision)) return false;
    this.revisionSeen = Math.max(this.revisionSeen, modRevision);
    try {
      const value = this.decode(kv.value.toString(), key);
      this.entries.set(key, { value, modRevision });
      this.values.set(key, value);
    } catch (error) {
      rethrowIfAssertion(error);
      this.log.error({ err: error, key: this.prefix + key }, 'undecodable etcd value ignored');
    }
    return true;
  }

  private remove(key: string, modRevision: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry.modRevision >= modRevision) return false;
    this.revisionSeen = Math.max(this.revisionSeen, modRevision);
    this.entries.delete(key);
    this.values.delete(key);
    return true;
  }

  /** The value at `prefix + key`. */
  get(key: string): Value | undefined {
    return this.values.get(key);
  }

  /** The etcd revision the copy reflects: it grows with every change seen under the prefix. */
  revision(): number {
    return this.revisionSeen;
  }

  /** Every entry, keyed by the part of the key after the prefix. */
  snapshot(): ReadonlyMap<string, Value> {
    return this.values;
  }

  async close(): Promise<void> {
    await this.watcher?.cancel();
    this.removeAllListeners();
  }
}
