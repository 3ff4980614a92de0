import { EventEmitter } from 'node:events';
import type { Etcd3, Watcher } from 'etcd3';
import type { Logger } from 'pino';

/**
 * A live copy of every key under an etcd prefix: loaded once, then kept current by a watch
 * from the loaded revision, so no change between the load and the watch is missed. Emits
 * 'change' after each update. Values are decoded once, on arrival.
 */
export class PrefixCache<Value> extends EventEmitter {
  private readonly entries = new Map<string, Value>();
  private watcher: Watcher | undefined;
  private revisionSeen = 0;

  private constructor(
    private readonly prefix: string,
    private readonly decode: (raw: string, key: string) => Value,
    private readonly log: Logger,
  ) {
    super();
  }

  static async open<Value>(options: {
    client: Etcd3;
    prefix: string;
    decode: (raw: string, key: string) => Value;
    log: Logger;
  }): Promise<PrefixCache<Value>> {
    const cache = new PrefixCache(options.prefix, options.decode, options.log);
    const response = await options.client.getAll().prefix(options.prefix).exec();
    for (const kv of response.kvs) cache.set(kv.key.toString(), kv.value.toString());
    cache.revisionSeen = Number(response.header.revision);
    cache.watcher = await options.client
      .watch()
      .prefix(options.prefix)
      .startRevision(String(Number(response.header.revision) + 1))
      .create();
    cache.watcher.on('put', (kv) => {
      cache.revisionSeen = Math.max(cache.revisionSeen, Number(kv.mod_revision));
      cache.set(kv.key.toString(), kv.value.toString());
      cache.emit('change');
    });
    cache.watcher.on('delete', (kv) => {
      cache.revisionSeen = Math.max(cache.revisionSeen, Number(kv.mod_revision));
      cache.entries.delete(kv.key.toString().slice(cache.prefix.length));
      cache.emit('change');
    });
    cache.watcher.on('error', (error) => options.log.warn({ err: error, prefix: options.prefix }, 'etcd watch error'));
    return cache;
  }

  private set(fullKey: string, raw: string): void {
    const key = fullKey.slice(this.prefix.length);
    try {
      this.entries.set(key, this.decode(raw, key));
    } catch (error) {
      this.log.error({ err: error, key: fullKey }, 'undecodable etcd value ignored');
    }
  }

  /** The value at `prefix + key`. */
  get(key: string): Value | undefined {
    return this.entries.get(key);
  }

  /** The etcd revision the copy reflects: it grows with every change seen under the prefix. */
  revision(): number {
    return this.revisionSeen;
  }

  /** Every entry, keyed by the part of the key after the prefix. */
  snapshot(): ReadonlyMap<string, Value> {
    return this.entries;
  }

  async close(): Promise<void> {
    await this.watcher?.cancel();
    this.removeAllListeners();
  }
}
