import { randomBytes } from 'node:crypto';
import fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Clock, Logger } from '@strata/common';
import type { AccountDirectory } from '@strata/location-service';
import type { PartitionClient, PartitionMap } from '@strata/partition-layer';
import type { ExtentReader } from '@strata/stream-layer';
import { authenticate } from './s3/authenticate.js';
import { chooseOperation } from './s3/dispatch.js';
import { errorXml } from './s3/error-response.js';
import { toS3Error } from './s3/map-error.js';
import type { S3Response } from './s3/operation.js';
import { parseTarget } from './s3/request-target.js';
import { probeReadiness } from './readiness.js';

export interface FrontEndDeps {
  partitions: PartitionClient;
  map: PartitionMap;
  reader: ExtentReader;
  accounts: AccountDirectory;
  region: string;
  clock: Clock;
  log: Logger;
}

/**
 * The S3 front-end: one fastify catch-all route, because S3 names its operations by method,
 * path depth and query rather than by path shape. Bodies are never parsed by fastify: each
 * operation reads the raw request stream itself, so blobs stream through.
 */
export function buildFrontEnd(deps: FrontEndDeps): FastifyInstance {
  const app = fastify({
    logger: false,
    exposeHeadRoutes: false,
    return503OnClosing: true,
    keepAliveTimeout: 65_000,
    routerOptions: { maxParamLength: 8_192, ignoreDuplicateSlashes: false },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  app.get('/_strata/live', async () => ({ live: true }));
  app.get('/_strata/ready', async (_request, reply) => {
    const problem = await probeReadiness(deps);
    return problem ? reply.code(503).send({ ready: false, problem }) : { ready: true };
  });
  const handler = (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => serveS3(deps, request, reply);
  for (const url of ['/', '/*']) app.route({ method: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'], url, handler });
  return app;
}

async function serveS3(deps: FrontEndDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const rawUrl = request.raw.url ?? '/';
  reply.header('x-amz-request-id', requestId).header('x-amz-id-2', requestId).header('server', 'Strata');
  const log = deps.log.child({ requestId });
  try {
    const target = parseTarget(rawUrl);
    const auth = authenticate({ method: request.method, rawUrl, headers: request.headers, accounts: deps.accounts, nowMs: deps.clock.nowMs() });
    const operation = chooseOperation(request.method, target, request.headers);
    const response = await operation(
      { requestId, method: request.method, account: auth.account, target, headers: request.headers, auth, body: request.raw },
      { partitions: deps.partitions, reader: deps.reader, clock: deps.clock, log },
    );
    log.debug({ method: request.method, url: rawUrl, status: response.status }, 's3 request');
    return send(request, reply, response);
  } catch (error) {
    const s3Error = toS3Error(error);
    const details = { method: request.method, url: rawUrl, code: s3Error.code, err: error };
    if (s3Error.httpStatus >= 500) log.error(details, 's3 request failed');
    else log.debug(details, 's3 request refused');
    // Read and drop what the client is still sending, so it sees the answer rather than a reset.
    discardBody(request);
    reply.code(s3Error.httpStatus).header('content-type', 'application/xml');
    if (request.method === 'HEAD') return reply.send();
    return reply.send(errorXml(s3Error, rawUrl.split('?')[0] ?? '/', requestId));
  }
}

function send(request: FastifyRequest, reply: FastifyReply, response: S3Response): FastifyReply {
  reply.code(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  discardBody(request);
  if (request.method === 'HEAD' || response.body === undefined) return reply.send();
  return reply.send(response.body);
}

function discardBody(request: FastifyRequest): void {
  if (request.raw.readableEnded) return;
  request.raw.unpipe();
  request.raw.resume();
}
