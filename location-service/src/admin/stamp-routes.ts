import type { FastifyInstance } from 'fastify';
import type { AdminDeps } from './admin-server.js';
import { stampView } from './views.js';

/** /v1/stamps: every registered stamp with its last report and how many accounts it holds. */
export function stampRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/v1/stamps', async () => {
    const perStamp = new Map<string, number>();
    for (const account of await deps.store.accounts()) perStamp.set(account.homeStampId, (perStamp.get(account.homeStampId) ?? 0) + 1);
    return { stamps: (await deps.store.stamps()).map((stamp) => stampView(stamp, perStamp.get(stamp.stampId) ?? 0)) };
  });
}
