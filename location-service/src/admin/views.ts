import { utilisationOf, type AccountRecord, type StampRecord } from '../records.js';

export interface AccountView {
  name: string;
  stampId: string;
  state: string;
  dnsName: string;
  createdAt: string;
  /** The newest key, also in `keys`. */
  accessKeyId?: string;
  secretAccessKey?: string;
  keys?: { accessKeyId: string; secretAccessKey: string; createdAt: string }[];
}

/** An account as the admin API shows it; its keys (secrets) only when asked. */
export function accountView(account: AccountRecord, options: { domain: string; withKeys: boolean }): AccountView {
  const newest = account.keys.at(-1);
  return {
    name: account.name,
    stampId: account.homeStampId,
    state: account.state,
    dnsName: `${account.name}.${options.domain}`,
    createdAt: new Date(account.createdMs).toISOString(),
    ...(options.withKeys && newest
      ? {
          accessKeyId: newest.accessKeyId,
          secretAccessKey: newest.secretAccessKey,
          keys: account.keys.map((key) => ({
            accessKeyId: key.accessKeyId,
            secretAccessKey: key.secretAccessKey,
            createdAt: new Date(key.createdMs).toISOString(),
          })),
        }
      : {}),
  };
}

export interface StampView {
  stampId: string;
  frontEnds: string[];
  capacityBytes: number;
  usedBytes: number;
  utilisation: number;
  accounts: number;
  reportedAt: string | null;
}

/** A stamp as the admin API shows it, with how many accounts live there. */
export function stampView(stamp: StampRecord, accounts: number): StampView {
  return {
    stampId: stamp.stampId,
    frontEnds: stamp.frontEndEndpoints,
    capacityBytes: stamp.capacityBytes,
    usedBytes: stamp.usedBytes,
    utilisation: Number(utilisationOf(stamp).toFixed(4)),
    accounts,
    reportedAt: stamp.reportedMs > 0 ? new Date(stamp.reportedMs).toISOString() : null,
  };
}
