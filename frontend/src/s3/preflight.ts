import type { IncomingHttpHeaders } from 'node:http';
import type { ContainerSettingsCache } from './container-settings.js';
import { CORS_VARY, corsHeaders, matchCorsRule } from './cors-rules.js';
import { S3Error } from './errors.js';
import type { S3Response } from './operation.js';
import type { RequestTarget } from './request-target.js';

/**
 * A browser's CORS preflight (OPTIONS), answered from the bucket's CORS rules. It carries no
 * signature, so the account is the one the Host names (or the front-end's default account).
 * @throws S3Error BadRequest (no Origin or Access-Control-Request-Method), AccessForbidden
 *   (no bucket, no rules, or no rule allows the request), as S3 answers them.
 */
export async function preflight(
  request: { headers: IncomingHttpHeaders; target: RequestTarget; account: string | undefined; requestId: string },
  containers: ContainerSettingsCache,
): Promise<S3Response> {
  const origin = request.headers.origin;
  const method = request.headers['access-control-request-method'];
  if (origin === undefined) throw new S3Error('BadRequest', 'Insufficient information. Origin request header needed.');
  if (typeof method !== 'string') throw new S3Error('BadRequest', 'Invalid Access-Control-Request-Method: null');
  const requested = String(request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const settings = request.account && request.target.bucket ? await containers.get(request.account, request.target.bucket, request.requestId) : undefined;
  const rules = settings?.corsRules ?? [];
  if (rules.length === 0) throw new S3Error('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', { method, resourceType: 'OBJECT' });
  const rule = matchCorsRule(rules, origin, method, requested);
  if (!rule)
    throw new S3Error('AccessForbidden', 'CORSResponse: This CORS request is not allowed: no CORS rule of the bucket allows this origin, method and headers.', {
      method,
      resourceType: 'OBJECT',
    });
  return { status: 200, headers: { ...corsHeaders(rule, origin, requested), vary: CORS_VARY } };
}
