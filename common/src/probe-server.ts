import type { WorkerStatus } from './background-worker.js';
import { systemClock, type Timer } from './clock.js';
import { rethrowIfAssertion } from './assert.js';
import { listenOn } from './net-address.js';
import { createServer, type Server } from 'node:http';

/** Why a role cannot serve right now, or undefined when it can. */
export type Readiness = () => string | undefined | Promise<string | undefined>;

export interface StartedProbeServer {
  /** The bound `host:port` (the real port when asked for port 0). */
  address: string;
  close(): Promise<void>;
}

/** A readiness answer that takes longer is "not ready": a probe must answer within its own timeout. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

export const LIVENESS_PATH = '/livez';
export const READINESS_PATH = '/readyz';
export const WORKERS_PATH = '/workers';

/**
 * Serves the orchestrator's probes on their own port, apart from the role's traffic:
 * `GET /livez` answers 200 as long as the process's event loop runs — it never looks at a
 * dependency, so a slow etcd cannot get every process of a fleet restarted at once;
 * `GET /readyz` answers 200 `{"ready":true}` when `readiness()` finds nothing missing, else 503
 * `{"ready":false,"problem":...}` (also when the check throws or takes longer than
 * {@link READINESS_CHECK_TIMEOUT_MS}); `GET /workers` answers the process's background jobs
 * and how each is doing (`strata workers`). Any other path is 404, any other method 405.
 */
export async function startProbeServer(options: { address: string; readiness: Readiness; workers?: () => WorkerStatus[] }): Promise<StartedProbeServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const send = (status: number, body: object): void => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
    };
    if (path !== LIVENESS_PATH && path !== READINESS_PATH && path !== WORKERS_PATH) {
      return send(404, { error: `no probe at ${path}; try ${LIVENESS_PATH}, ${READINESS_PATH} or ${WORKERS_PATH}` });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, { error: 'probes answer GET and HEAD' });
    if (path === LIVENESS_PATH) return send(200, { live: true });
    if (path === WORKERS_PATH) return send(200, { workers: options.workers?.() ?? [] });
    void checkReadiness(options.readiness).then((problem) =>
      send(problem === undefined ? 200 : 503, problem === undefined ? { ready: true } : { ready: false, problem }),
    );
  });
  // Probes are one short request each; idle keep-alive sockets must not hold up a stop.
  server.keepAliveTimeout = 1_000;
  return { address: await listenOn(server, options.address), close: () => closeServer(server) };
}

async function checkReadiness(readiness: Readiness): Promise<string | undefined> {
  let timer: Timer | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = systemClock.after(READINESS_CHECK_TIMEOUT_MS, () => resolve(`readiness check took longer than ${READINESS_CHECK_TIMEOUT_MS} ms`));
  });
  try {
    return await Promise.race([Promise.resolve().then(readiness), timeout]);
  } catch (error) {
    rethrowIfAssertion(error);
    return `readiness check failed: ${(error as Error).message}`;
  } finally {
    timer?.cancel();
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
