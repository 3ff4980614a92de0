import { isIP } from 'node:net';
import { PrefixCache, type Etcd3, type Logger } from '@strata/common';
import { locationKeys, type InstanceRecord } from '../etcd-keys.js';
import { decodeAccount, decodeStamp, type AccountRecord, type StampRecord } from '../records.js';
import { hostOf, type NameServer, type ZoneSnapshot } from './zone.js';

/**
 * The zone as the location service's etcd state defines it, kept current by watches: active
 * accounts, their stamps' front-ends, and the live instances (the zone's name servers).
 * Every instance answers DNS from its own view, leader or not.
 */
export class ZoneView {
  private cached: ZoneSnapshot | undefined;

  private constructor(
    private readonly options: { domain: string; ttlSeconds: number },
    private readonly accounts: PrefixCache<AccountRecord>,
    private readonly stamps: PrefixCache<StampRecord>,
    private readonly instances: PrefixCache<InstanceRecord>,
  ) {
    for (const cache of [accounts, stamps, instances]) cache.on('change', () => (this.cached = undefined));
  }

  static async open(options: { etcd: Etcd3; prefix: string; domain: string; ttlSeconds: number; log: Logger }): Promise<ZoneView> {
    const keys = locationKeys(options.prefix);
    const open = <Value>(prefix: string, decode: (raw: string) => Value) => PrefixCache.open<Value>({ client: options.etcd, prefix, decode, log: options.log });
    const [accounts, stamps, instances] = await Promise.all([
      open(keys.accounts, decodeAccount),
      open(keys.stamps, decodeStamp),
      open(keys.instances, (raw) => JSON.parse(raw) as InstanceRecord),
    ]);
    return new ZoneView({ domain: options.domain.toLowerCase().replace(/\.$/, ''), ttlSeconds: options.ttlSeconds }, accounts, stamps, instances);
  }

  /** The zone now; built once per change. */
  snapshot(): ZoneSnapshot {
    this.cached ??= this.build();
    return this.cached;
  }

  private build(): ZoneSnapshot {
    const { domain, ttlSeconds } = this.options;
    const nameServers: NameServer[] = [...this.instances.snapshot().values()]
      .sort((a, b) => a.instanceId.localeCompare(b.instanceId))
      .map((instance) => ({ name: `ns-${instance.instanceId}.${domain}`, addresses: usableAddresses([instance.dns]) }));
    const accounts = this.accounts;
    const stamps = this.stamps;
    return {
      domain,
      ttlSeconds,
      serial: Math.max(accounts.revision(), stamps.revision(), this.instances.revision()),
      nameServers,
      accountAddresses: (name) => {
        const account = accounts.get(name);
        if (account?.state !== 'ACTIVE') return undefined;
        return usableAddresses(stamps.get(account.homeStampId)?.frontEndEndpoints ?? []);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.accounts.close(), this.stamps.close(), this.instances.close()]);
  }
}

/** The distinct IP literals of `endpoints`; wildcard addresses tell a client nothing. */
function usableAddresses(endpoints: readonly string[]): string[] {
  const hosts = endpoints.map(hostOf).filter((host) => isIP(host) !== 0 && host !== '0.0.0.0' && host !== '::');
  return [...new Set(hosts)];
}
