import type { IncomingHttpHeaders } from 'node:http';
import type { AccountDirectory } from '@strata/location-service';
import { verifySigV4, type AuthContext } from '../auth/index.js';
import { S3Error } from './errors.js';

/**
 * Who signed the request, checked against the accounts this stamp serves and against the
 * account the Host names (`{account}.{domain}`), if any: a signature of one account never
 * reaches another's containers. Anonymous requests are refused for now (public containers come
 * with the CDN-origin work).
 */
export function authenticate(options: {
  method: string;
  rawUrl: string;
  headers: IncomingHttpHeaders;
  accounts: AccountDirectory;
  nowMs: number;
  region?: string;
  hostAccount?: string;
}): AuthContext {
  if (options.hostAccount !== undefined && !options.accounts.serves(options.hostAccount)) {
    throw new S3Error('AccessDenied', `This endpoint does not serve account ${options.hostAccount}.`, { account: options.hostAccount });
  }
  const result = verifySigV4(
    { method: options.method, rawUrl: options.rawUrl, headers: options.headers },
    {
      lookupCredentials: (accessKeyId) => options.accounts.credential(accessKeyId),
      nowMs: options.nowMs,
      ...(options.region !== undefined ? { region: options.region } : {}),
    },
  );
  if (result.anonymous) throw new S3Error('AccessDenied', 'Access Denied');
  if (options.hostAccount !== undefined && result.account !== options.hostAccount) {
    throw new S3Error('AccessDenied', `The credentials given belong to another account than ${options.hostAccount}.`);
  }
  return result;
}
