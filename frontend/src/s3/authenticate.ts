import type { IncomingHttpHeaders } from 'node:http';
import type { AccountDirectory } from '@strata/location-service';
import { verifySigV4, type AuthContext } from '../auth/index.js';
import { S3Error } from './errors.js';

/**
 * Who signed the request, checked against the accounts this stamp serves. Anonymous requests
 * are refused for now (public containers come with the CDN-origin work).
 */
export function authenticate(options: { method: string; rawUrl: string; headers: IncomingHttpHeaders; accounts: AccountDirectory; nowMs: number }): AuthContext {
  const result = verifySigV4(
    { method: options.method, rawUrl: options.rawUrl, headers: options.headers },
    { lookupCredentials: (accessKeyId) => options.accounts.credential(accessKeyId), nowMs: options.nowMs },
  );
  if (result.anonymous) throw new S3Error('AccessDenied', 'Access Denied');
  return result;
}
