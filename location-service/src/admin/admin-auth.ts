import { createHash, timingSafeEqual } from 'node:crypto';
import { LocationError } from '../errors.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Checks an admin request's `Authorization: Bearer <token>` against the configured token, in
 * constant time. Throws UNAUTHENTICATED without one, PERMISSION_DENIED with a wrong one.
 */
export function checkAdminToken(authorization: string | undefined, token: string): void {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) throw new LocationError('UNAUTHENTICATED', 'the admin API needs "Authorization: Bearer <admin token>"');
  if (!timingSafeEqual(digest(match[1]!), digest(token))) throw new LocationError('PERMISSION_DENIED', 'wrong admin token');
}
