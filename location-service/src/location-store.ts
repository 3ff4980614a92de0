import type { Etcd3 } from '@strata/common';
import type { locationV1 } from '@strata/protos';
import { locationKeys, stampAccountKeys } from './etcd-keys.js';
import { decodeAccount, decodeStamp, type AccountRecord, type StampRecord } from './records.js';

/**
 * The location service's records in etcd, and the account registrations it writes into each
 * stamp's configuration. Every write is a single etcd operation, so each step of a longer
 * sequence (creation, deletion) is atomic on its own and safe to repeat.
 */
export class LocationStore {
  private readonly keys: ReturnType<typeof locationKeys>;

  constructor(private readonly deps: { etcd: Etcd3; prefix: string; stampPrefixOf: (stampId: string) => string }) {
    this.keys = locationKeys(deps.prefix);
  }

  async stamps(): Promise<StampRecord[]> {
    const all = await this.deps.etcd.getAll().prefix(this.keys.stamps).strings();
    return Object.values(all)
      .map(decodeStamp)
      .sort((a, b) => a.stampId.localeCompare(b.stampId));
  }

  async stamp(stampId: string): Promise<StampRecord | undefined> {
    const raw = await this.deps.etcd.get(this.keys.stamp(stampId)).string();
    return raw === null ? undefined : decodeStamp(raw);
  }

  async putStamp(stamp: StampRecord): Promise<void> {
    await this.deps.etcd.put(this.keys.stamp(stamp.stampId)).value(JSON.stringify(stamp));
  }

  async account(name: string): Promise<AccountRecord | undefined> {
    const raw = await this.deps.etcd.get(this.keys.account(name)).string();
    return raw === null ? undefined : decodeAccount(raw);
  }

  /** Every account in every state, by name. */
  async accounts(): Promise<AccountRecord[]> {
    const all = await this.deps.etcd.getAll().prefix(this.keys.accounts).strings();
    return Object.values(all)
      .map(decodeAccount)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Stores `account` if its name is free; else returns the account that holds the name. */
  async reserve(account: AccountRecord): Promise<{ reserved: true } | { reserved: false; existing: AccountRecord }> {
    const key = this.keys.account(account.name);
    const result = await this.deps.etcd
      .if(key, 'Create', '==', 0)
      .then(this.deps.etcd.put(key).value(JSON.stringify(account)))
      .else(this.deps.etcd.get(key))
      .commit();
    if (result.succeeded) return { reserved: true };
    const kv = result.responses[0]?.response_range?.kvs[0];
    return kv ? { reserved: false, existing: decodeAccount(kv.value.toString()) } : this.reserve(account);
  }

  async putAccount(account: AccountRecord): Promise<void> {
    await this.deps.etcd.put(this.keys.account(account.name)).value(JSON.stringify(account));
  }

  async deleteAccount(name: string): Promise<void> {
    await this.deps.etcd.delete().key(this.keys.account(name));
  }

  /** Makes `stampId`'s front-ends serve `registration` (its name and keys). */
  async registerInStamp(stampId: string, registration: locationV1.AccountInfo): Promise<void> {
    await this.deps.etcd.put(this.stampKeys(stampId).account(registration.name!)).value(JSON.stringify(registration));
  }

  async unregisterFromStamp(stampId: string, name: string): Promise<void> {
    await this.deps.etcd.delete().key(this.stampKeys(stampId).account(name));
  }

  private stampKeys(stampId: string) {
    return stampAccountKeys(this.deps.stampPrefixOf(stampId));
  }
}
