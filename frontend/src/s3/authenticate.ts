import type { IncomingHttpHeaders } from 'node:http';
import type { AccountDirectory } from '@strata/location-service';
import { verifySigV4, type AuthResult } from '../auth/index.js';
import type { ContainerSettingsCache } from './container-settings.js';
import { S3Error } from './errors.js';
import { checkAnonymousAccess, publicAccessOf, type AnonymousNeed } from './public-access.js';

/**
 * Who signed the request, checked against the accounts this stamp serves and against the
 * account the Host names (`{account}.{domain}`), if any: a signature of one account never
 * reaches another's containers. An unsigned request is anonymous: see {@link authorizeAnonymous}.
 */
export function authenticate(options: {
  method: string;
  rawUrl: string;
  headers: IncomingHttpHeaders;
  accounts: AccountDirectory;
  nowMs: number;
  region?: string;
  hostAccount?: string;
}): AuthResult {
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
  if (result.anonymous) return result;
  if (options.hostAccount !== undefined && result.account !== options.hostAccount) {
    throw new S3Error('AccessDenied', `The credentials given belong to another account than ${options.hostAccount}.`);
  }
  return result;
}

/**
 * The account an anonymous request acts on, once its container's public access allows what it
 * needs: the account the Host names, else the front-end's default account.
 * @throws S3Error AccessDenied when no account is addressed or the container does not allow it
 *   (whether or not it exists, so that private containers cannot be probed).
 */
export async function authorizeAnonymous(options: {
  account: string | undefined;
  bucket: string | undefined;
  need: AnonymousNeed | undefined;
  containers: ContainerSettingsCache;
  requestId: string;
}): Promise<string> {
  if (options.account === undefined || options.bucket === undefined || options.need === undefined) throw new S3Error('AccessDenied', 'Access Denied');
  const settings = await options.containers.get(options.account, options.bucket, options.requestId);
  checkAnonymousAccess(options.need, publicAccessOf(settings?.publicAccess));
  return options.account;
}
