import { type Etcd3, type Random, transact } from '@strata/common';
import type { locationV1 } from '@strata/protos';
import { checkAccountName } from './account-names.js';
import { locationKeys, stampAccountKeys } from './etcd-keys.js';
import { LocationError } from './errors.js';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The registry of stamps and accounts in etcd. Creating an account records it, then
 * registers it in its stamp's configuration (which is what makes the stamp serve it); both
 * steps are idempotent, so a retry after a crash between them completes the creation.
 */
export class Registry {
  private readonly keys: ReturnType<typeof locationKeys>;

  constructor(
    private readonly deps: { etcd: Etcd3; prefix: string; stampPrefixOf: (stampId: string) => string; random: Random; nowMs: () => number },
  ) {
    this.keys = locationKeys(deps.prefix);
  }

  async registerStamp(stamp: locationV1.StampInfo): Promise<locationV1.StampInfo> {
    if (!stamp.stampId || !/^[a-z0-9-]{1,63}$/.test(stamp.stampId)) throw new LocationError('INVALID_ARGUMENT', 'bad stamp id');
    await this.deps.etcd.put(this.keys.stamp(stamp.stampId)).value(JSON.stringify(stamp));
    return stamp;
  }

  async stamps(): Promise<locationV1.StampInfo[]> {
    const all = await this.deps.etcd.getAll().prefix(this.keys.stamps).strings();
    return Object.values(all).map((raw) => JSON.parse(raw) as locationV1.StampInfo);
  }

  async account(name: string): Promise<locationV1.AccountInfo> {
    const raw = await this.deps.etcd.get(this.keys.account(name)).string();
    if (raw === null) throw new LocationError('NO_SUCH_ACCOUNT', `no account ${name}`);
    return JSON.parse(raw) as locationV1.AccountInfo;
  }

  async accounts(): Promise<locationV1.AccountInfo[]> {
    const all = await this.deps.etcd.getAll().prefix(this.keys.accounts).strings();
    return Object.values(all).map((raw) => JSON.parse(raw) as locationV1.AccountInfo);
  }

  /** Creates an account with one access key in `stampId` (or the stamp with fewest accounts). */
  async createAccount(name: string, stampId?: string): Promise<locationV1.AccountInfo> {
    checkAccountName(name);
    const home = stampId || (await this.leastUsedStamp());
    const account: locationV1.AccountInfo = { name, homeStampId: home, keys: [this.newAccessKey()], createdMs: this.deps.nowMs() };
    const created = await transact(this.deps.etcd, async (tx) => {
      if ((await tx.get(this.keys.account(name)).string()) !== null) return false;
      await tx.put(this.keys.account(name)).value(JSON.stringify(account));
      for (const key of account.keys ?? []) await tx.put(this.keys.accessKey(key.accessKeyId!)).value(name);
      return true;
    });
    if (!created) throw new LocationError('ACCOUNT_EXISTS', `account ${name} exists`);
    await this.registerInStamp(account);
    return account;
  }

  /** Makes the account's stamp serve it (idempotent). */
  async registerInStamp(account: locationV1.AccountInfo): Promise<void> {
    const key = stampAccountKeys(this.deps.stampPrefixOf(account.homeStampId!)).account(account.name!);
    await this.deps.etcd.put(key).value(JSON.stringify(account));
  }

  private async leastUsedStamp(): Promise<string> {
    const stamps = await this.stamps();
    if (stamps.length === 0) throw new LocationError('NO_SUCH_STAMP', 'no stamp is registered');
    const accounts = await this.accounts();
    const count = (stampId: string): number => accounts.filter((account) => account.homeStampId === stampId).length;
    return stamps.map((stamp) => stamp.stampId ?? '').sort((a, b) => count(a) - count(b) || a.localeCompare(b))[0]!;
  }

  private newAccessKey(): locationV1.AccessKey {
    const id = [...this.deps.random.bytes(14)].map((byte) => KEY_ID_ALPHABET[byte % 32]).join('');
    return { accessKeyId: `STRATA${id}`, secretAccessKey: this.deps.random.bytes(30).toString('base64url') };
  }
}
