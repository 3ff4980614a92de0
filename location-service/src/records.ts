import type { locationV1 } from '@strata/protos';

/** An account as the location service keeps it in etcd (JSON), with every field present. */
export type AccountRecord = locationV1.AccountInfo__Output;
/** A stamp as the location service keeps it in etcd (JSON). */
export type StampRecord = locationV1.StampInfo__Output;
export type AccessKeyRecord = locationV1.AccessKey__Output;

/**
 * Reads a stored account, filling what older records lack: an account written before accounts
 * had states is ACTIVE.
 */
export function decodeAccount(raw: string): AccountRecord {
  const stored = JSON.parse(raw) as Partial<AccountRecord>;
  return {
    name: stored.name ?? '',
    homeStampId: stored.homeStampId ?? '',
    keys: (stored.keys ?? []).map((key) => ({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, createdMs: Number(key.createdMs ?? 0) })),
    createdMs: Number(stored.createdMs ?? 0),
    state: !stored.state || stored.state === 'ACCOUNT_STATE_UNSPECIFIED' ? 'ACTIVE' : stored.state,
    requestToken: stored.requestToken ?? '',
    deleteForce: stored.deleteForce ?? false,
    deletionKey: stored.deletionKey ?? null,
  };
}

export function decodeStamp(raw: string): StampRecord {
  const stored = JSON.parse(raw) as Partial<StampRecord>;
  return {
    stampId: stored.stampId ?? '',
    frontEndEndpoints: stored.frontEndEndpoints ?? [],
    capacityBytes: Number(stored.capacityBytes ?? 0),
    usedBytes: Number(stored.usedBytes ?? 0),
    reportedMs: Number(stored.reportedMs ?? 0),
  };
}

/** The fraction of its capacity a stamp uses; 1 when it reported no capacity. */
export function utilisationOf(stamp: StampRecord): number {
  return stamp.capacityBytes > 0 ? stamp.usedBytes / stamp.capacityBytes : 1;
}

/**
 * What a stamp is told about an account it serves: its name and the keys its front-ends
 * accept (AccountDirectory reads it). Nothing of the location service's bookkeeping.
 */
export function stampRegistration(account: AccountRecord, keys: readonly AccessKeyRecord[] = account.keys): locationV1.AccountInfo {
  return { name: account.name, homeStampId: account.homeStampId, keys: [...keys], createdMs: account.createdMs };
}
