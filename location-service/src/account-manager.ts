import { type Clock, type Failpoints, type Logger, type Random } from '@strata/common';
import { newAccessKey, rotatedKeys } from './access-keys.js';
import type { AccountEraser, EraseResult } from './account-eraser.js';
import { checkAccountName } from './account-names.js';
import { chooseStamp } from './allocation.js';
import { LocationError } from './errors.js';
import type { LocationFailpoint } from './failpoints.js';
import { REQUEST_TOKEN_CHARS_MAX, STAMP_REPORT_STALE_MS } from './limits.js';
import type { LocationStore } from './location-store.js';
import { stampRegistration, type AccountRecord } from './records.js';

export interface CreateAccountRequest {
  name: string;
  /** Place the account here instead of letting utilisation choose. */
  stampId?: string;
  /** The caller's token: a retry with the same token gets the account instead of ACCOUNT_EXISTS. */
  requestToken?: string;
}

/**
 * Creates, deletes and re-keys accounts as sequences of steps, each recorded in the account's
 * etcd record before the next, so that a sequence cut short (the service killed) is finished
 * by repeating the request. Run by the leader only.
 *
 * Creation: reserve the name (CREATING: not in DNS, not listed) → register it in its stamp
 * (the front-ends accept its key; nobody has the key yet) → publish (ACTIVE: DNS answers it,
 * the caller gets the key).
 */
export class AccountManager {
  constructor(
    private readonly deps: {
      store: LocationStore;
      eraser: AccountEraser;
      failpoints: Failpoints<LocationFailpoint>;
      random: Random;
      clock: Clock;
      utilisationMax: number;
      log: Logger;
    },
  ) {}

  /** Creates the account, or completes a creation that was cut short. Throws ACCOUNT_EXISTS, INVALID_ACCOUNT_NAME, NO_SUCH_STAMP, NO_STAMP_AVAILABLE, ACCOUNT_BUSY. */
  async create(request: CreateAccountRequest): Promise<AccountRecord> {
    checkAccountName(request.name);
    const token = request.requestToken ?? '';
    if (token.length > REQUEST_TOKEN_CHARS_MAX) throw new LocationError('INVALID_ARGUMENT', `a request token is at most ${REQUEST_TOKEN_CHARS_MAX} characters`);
    const existing = await this.deps.store.account(request.name);
    const account = existing ? this.resumable(existing, token) : await this.reserve(request, token);
    if (account.state === 'ACTIVE') return account;
    await this.deps.store.registerInStamp(account.homeStampId, stampRegistration(account));
    await this.deps.failpoints.hit('location.create.afterStampRegistration');
    const active: AccountRecord = { ...account, state: 'ACTIVE' };
    await this.deps.store.putAccount(active);
    this.deps.log.info({ account: active.name, stampId: active.homeStampId }, 'account created');
    return active;
  }

  private resumable(existing: AccountRecord, token: string): AccountRecord {
    if (existing.state === 'ACTIVE' && token !== '' && token === existing.requestToken) return existing;
    if (existing.state === 'CREATING') {
      this.deps.log.info({ account: existing.name, stampId: existing.homeStampId }, 'account creation resumed');
      return existing;
    }
    if (existing.state === 'DELETING') throw new LocationError('ACCOUNT_BUSY', `account ${existing.name} is being deleted`);
    throw new LocationError('ACCOUNT_EXISTS', `account ${existing.name} exists`);
  }

  private async reserve(request: CreateAccountRequest, token: string): Promise<AccountRecord> {
    const stampId = await this.placement(request.stampId);
    const nowMs = this.deps.clock.nowMs();
    const account: AccountRecord = {
      name: request.name,
      homeStampId: stampId,
      keys: [newAccessKey(this.deps.random, nowMs)],
      createdMs: nowMs,
      state: 'CREATING',
      requestToken: token,
      deleteForce: false,
      deletionKey: null,
    };
    const reservation = await this.deps.store.reserve(account);
    if (!reservation.reserved) return this.resumable(reservation.existing, token);
    await this.deps.failpoints.hit('location.create.afterReserve');
    return account;
  }

  private async placement(stampId: string | undefined): Promise<string> {
    if (stampId) {
      if (!(await this.deps.store.stamp(stampId))) throw new LocationError('NO_SUCH_STAMP', `no stamp ${stampId} is registered`);
      return stampId;
    }
    const accountsPerStamp = new Map<string, number>();
    for (const account of await this.deps.store.accounts()) accountsPerStamp.set(account.homeStampId, (accountsPerStamp.get(account.homeStampId) ?? 0) + 1);
    return chooseStamp(await this.deps.store.stamps(), accountsPerStamp, {
      utilisationMax: this.deps.utilisationMax,
      staleMs: STAMP_REPORT_STALE_MS,
      nowMs: this.deps.clock.nowMs(),
    });
  }

  /** Adds a fresh key and revokes the oldest beyond two. The stamp learns the keys before the record does, so a key handed out always works. */
  async rotateKeys(name: string): Promise<AccountRecord> {
    const account = await this.visible(name);
    if (account.state !== 'ACTIVE') throw new LocationError('ACCOUNT_BUSY', `account ${name} is being deleted`);
    const rotated: AccountRecord = { ...account, keys: rotatedKeys(account.keys, newAccessKey(this.deps.random, this.deps.clock.nowMs())) };
    await this.deps.store.registerInStamp(rotated.homeStampId, stampRegistration(rotated));
    await this.deps.store.putAccount(rotated);
    this.deps.log.info({ account: name, keys: rotated.keys.map((key) => key.accessKeyId) }, 'account keys rotated');
    return rotated;
  }

  /**
   * Deletes an account: takes it out of DNS and listings (DELETING), makes its stamp accept
   * only a key the location service alone holds, then — if it is empty, or `force` — erases
   * its data, unregisters it from the stamp and forgets it. A refused deletion (not empty) puts
   * the account back as it was. Repeating the call resumes one cut short.
   */
  async delete(name: string, options: { force: boolean }): Promise<EraseResult> {
    const account = await this.visible(name);
    const deleting: AccountRecord =
      account.state === 'DELETING'
        ? { ...account, deleteForce: account.deleteForce || options.force }
        : { ...account, state: 'DELETING', deleteForce: options.force, deletionKey: newAccessKey(this.deps.random, this.deps.clock.nowMs()) };
    await this.deps.store.putAccount(deleting);
    const deletionKey = deleting.deletionKey!;
    await this.deps.store.registerInStamp(deleting.homeStampId, stampRegistration(deleting, [deletionKey]));
    await this.deps.failpoints.hit('location.delete.afterLockOut');
    const target = { account: name, frontEndEndpoints: (await this.deps.store.stamp(deleting.homeStampId))?.frontEndEndpoints ?? [], key: deletionKey };
    if (!deleting.deleteForce && !(await this.deps.eraser.isEmpty(target))) {
      await this.deps.store.registerInStamp(account.homeStampId, stampRegistration(account));
      await this.deps.store.putAccount({ ...account, state: 'ACTIVE', deleteForce: false, deletionKey: null });
      throw new LocationError('ACCOUNT_NOT_EMPTY', `account ${name} holds containers; delete them first, or delete with force to erase them`);
    }
    const erased = deleting.deleteForce ? await this.deps.eraser.erase(target) : { containers: 0, blobs: 0 };
    await this.deps.failpoints.hit('location.delete.afterErase');
    await this.deps.store.unregisterFromStamp(deleting.homeStampId, name);
    await this.deps.store.deleteAccount(name);
    this.deps.log.info({ account: name, stampId: deleting.homeStampId, ...erased }, 'account deleted');
    return erased;
  }

  /** The account as operators see it: any state but CREATING (a creation not yet finished does not exist). */
  async visible(name: string): Promise<AccountRecord> {
    checkAccountName(name);
    const account = await this.deps.store.account(name);
    if (!account || account.state === 'CREATING') throw new LocationError('NO_SUCH_ACCOUNT', `no account ${name}`);
    return account;
  }
}
