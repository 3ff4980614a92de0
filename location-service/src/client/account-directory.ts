import { PrefixCache, type Etcd3, type Logger } from '@strata/common';
import type { locationV1 } from '@strata/protos';
import { stampAccountKeys } from '../etcd-keys.js';

export interface AccountCredential {
  account: string;
  secretAccessKey: string;
}

/**
 * The accounts a stamp serves, as the location service registered them in the stamp's
 * configuration, kept current by an etcd watch: what a front-end authenticates against.
 */
export class AccountDirectory {
  private constructor(private readonly cache: PrefixCache<locationV1.AccountInfo__Output>) {}

  static async open(options: { etcd: Etcd3; stampPrefix: string; log: Logger }): Promise<AccountDirectory> {
    const cache = await PrefixCache.open<locationV1.AccountInfo__Output>({
      client: options.etcd,
      prefix: stampAccountKeys(options.stampPrefix).accounts,
      decode: (raw) => JSON.parse(raw) as locationV1.AccountInfo__Output,
      log: options.log,
    });
    return new AccountDirectory(cache);
  }

  /** The account and secret of an access key, if a served account holds it. */
  credential(accessKeyId: string): AccountCredential | undefined {
    for (const account of this.cache.snapshot().values()) {
      const key = account.keys.find((candidate) => candidate.accessKeyId === accessKeyId);
      if (key) return { account: account.name, secretAccessKey: key.secretAccessKey };
    }
    return undefined;
  }

  serves(account: string): boolean {
    return this.cache.get(account) !== undefined;
  }

  close(): Promise<void> {
    return this.cache.close();
  }
}
