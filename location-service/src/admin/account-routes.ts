import type { FastifyInstance } from 'fastify';
import type { AdminDeps } from './admin-server.js';
import { accountView } from './views.js';

const createBody = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string' }, stampId: { type: 'string' }, requestToken: { type: 'string' } },
} as const;

/** /v1/accounts: create, list, show, delete (?force=true erases the data), rotate-keys. */
export function accountRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const view = (withKeys: boolean) => (account: Parameters<typeof accountView>[0]) => accountView(account, { domain: deps.domain, withKeys });

  app.post<{ Body: { name: string; stampId?: string; requestToken?: string } }>('/v1/accounts', { schema: { body: createBody } }, async (request, reply) => {
    const account = await deps.manager.create(request.body);
    return reply.code(201).send(view(true)(account));
  });

  app.get('/v1/accounts', async () => {
    const accounts = (await deps.store.accounts()).filter((account) => account.state !== 'CREATING');
    return { accounts: accounts.map(view(false)) };
  });

  app.get<{ Params: { name: string } }>('/v1/accounts/:name', async (request) => view(true)(await deps.manager.visible(request.params.name)));

  app.delete<{ Params: { name: string }; Querystring: { force?: string } }>('/v1/accounts/:name', async (request) => {
    const erased = await deps.manager.delete(request.params.name, { force: request.query.force === 'true' });
    return { deleted: request.params.name, ...erased };
  });

  app.post<{ Params: { name: string } }>('/v1/accounts/:name/rotate-keys', async (request) => view(true)(await deps.manager.rotateKeys(request.params.name)));
}
