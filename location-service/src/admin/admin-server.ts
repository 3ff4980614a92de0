import Fastify, { type FastifyInstance } from 'fastify';
import { isStrataError, type Logger } from '@strata/common';
import type { AccountManager } from '../account-manager.js';
import { LOCATION_ERROR_HTTP_STATUS, LocationError, type LocationErrorCode } from '../errors.js';
import { ADMIN_BODY_BYTES_MAX } from '../limits.js';
import type { LocationStore } from '../location-store.js';
import { checkAdminToken } from './admin-auth.js';
import { accountRoutes } from './account-routes.js';
import { forwardToLeader } from './leader-forwarding.js';
import { stampRoutes } from './stamp-routes.js';

export interface AdminDeps {
  manager: AccountManager;
  store: LocationStore;
  token: string;
  domain: string;
  instanceId: string;
  leadership: { isLeader(): boolean; leaderUrl(): Promise<string | undefined> };
  log: Logger;
}

/**
 * The admin HTTP API: accounts and stamps, every route but /v1/health behind the admin token.
 * Reads are served by any instance from etcd; changes only by the leader, to which a standby
 * forwards them. Errors are `{"error": {"code", "message"}}` with the status the code maps to.
 */
export function buildAdminServer(deps: AdminDeps): FastifyInstance {
  const log = deps.log.child({ edge: 'admin' });
  // Unknown body fields are refused, not silently dropped (fastify's default).
  const app = Fastify({ logger: false, bodyLimit: ADMIN_BODY_BYTES_MAX, ajv: { customOptions: { removeAdditional: false } } });
  app.get('/v1/health', async () => ({ instanceId: deps.instanceId, leader: deps.leadership.isLeader() }));
  app.register(async (authenticated) => {
    authenticated.addHook('onRequest', async (request) => checkAdminToken(request.headers.authorization, deps.token));
    authenticated.addHook('preHandler', async (request, reply) => {
      if (request.method === 'GET' || deps.leadership.isLeader()) return;
      await forwardToLeader({ request, reply, leaderUrl: await deps.leadership.leaderUrl(), instanceId: deps.instanceId });
    });
    accountRoutes(authenticated, deps);
    stampRoutes(authenticated, deps);
  });
  app.setNotFoundHandler(async (request) => {
    throw new LocationError('INVALID_ARGUMENT', `no admin operation ${request.method} ${request.url.split('?')[0]}`);
  });
  app.setErrorHandler(async (error, request, reply) => {
    const known = isStrataError(error) && error.code in LOCATION_ERROR_HTTP_STATUS;
    // Fastify's own 4xx (bad JSON, schema, body too large, wrong content type) are bad input.
    const clientError = !known && typeof (error as { statusCode?: number }).statusCode === 'number' && (error as { statusCode: number }).statusCode < 500;
    const code: LocationErrorCode = known ? (error.code as LocationErrorCode) : clientError ? 'INVALID_ARGUMENT' : 'INTERNAL';
    if (code === 'INTERNAL') log.error({ err: error, url: request.url }, 'admin request failed');
    const message = code === 'INTERNAL' ? 'internal error; see the location service log' : (error as Error).message;
    await reply.code(LOCATION_ERROR_HTTP_STATUS[code]).send({ error: { code, message } });
  });
  return app;
}
