import { randomBytes } from 'node:crypto';
import fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AssertionFailure, rethrowIfAssertion, warnDropped, type Clock, type Logger } from '@strata/common';
import type { AccountDirectory } from '@strata/location-service';
import type { PartitionClient, PartitionMap } from '@strata/partition-layer';
import type { ExtentReader } from '@strata/stream-layer';
import { authenticate, authorizeAnonymous } from './s3/authenticate.js';
import { ContainerSettingsCache } from './s3/container-settings.js';
import { CORS_VARY, corsHeaders, matchCorsRule } from './s3/cors-rules.js';
import { anonymousNeed, chooseOperation, s3OperationName } from './s3/dispatch.js';
import { errorXml } from './s3/error-response.js';
import { checkHeaderSection, HTTP_PARSER_HEADER_BYTES_MAX } from './s3/header-limits.js';
import { toS3Error } from './s3/map-error.js';
import type { S3Deps, S3Response } from './s3/operation.js';
import { preflight } from './s3/preflight.js';
import { parseHost } from './s3/request-host.js';
import { parseTarget, type RequestTarget } from './s3/request-target.js';
import { FrontEndMetrics } from './metrics.js';
import { probeReadiness } from './readiness.js';
import type { BlobDataStreams } from './blob-data/blob-data-streams.js';
import type { BlobCache } from './cache/blob-cache.js';
import type { RecordCache } from './cache/record-cache.js';

/**
 * Request ids: a random per-process prefix and a counter. Unique across front-ends and
 * restarts like a random id, without asking the CSPRNG on every request.
 */
const REQUEST_ID_PREFIX = randomBytes(6).toString('hex').toUpperCase();
let requestCounter = 0;
function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 0x1_0000_0000;
  return REQUEST_ID_PREFIX + requestCounter.toString(16).toUpperCase().padStart(8, '0');
}

declare module 'fastify' {
  interface FastifyRequest {
    /** S3's name of the operation being served (GetObject), for metrics. */
    s3Operation: string;
    /** The Content-Type header while fastify routes the body (see setContentTypeAside). */
    contentTypeAside: string | null;
  }
}

export interface FrontEndDeps {
  partitions: PartitionClient;
  map: PartitionMap;
  reader: ExtentReader;
  /** Hot blobs in memory (see BlobCache). */
  blobs: BlobCache;
  /** Hot blob records under the partition servers' read leases (see RecordCache). */
  records: RecordCache;
  /** Where the front-end appends blob bytes itself (see BlobDataStreams). */
  blobData: BlobDataStreams;
  accounts: AccountDirectory;
  region: string;
  /** When set, the only region a signature may name; any region otherwise. */
  strictRegion?: string;
  /** The stamp's DNS domain: `{account}.{domain}` and `{bucket}.{account}.{domain}` hosts. */
  domain: string;
  /** The account unsigned path-style requests (CORS preflights) address, when this stamp serves it. */
  defaultAccount: string;
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
    http: { maxHeaderSize: HTTP_PARSER_HEADER_BYTES_MAX },
    routerOptions: { maxParamLength: 8_192, ignoreDuplicateSlashes: false },
  });
  // fastify answers an error a handler throws and goes on; a broken invariant must end the
  // process instead (the lifecycle logs it and exits), so it is thrown again outside fastify.
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AssertionFailure) {
      process.nextTick(() => {
        throw error;
      });
    }
    // Only what escaped the S3 error mapping lands here (a body stream failing before its first
    // byte): an operator needs the reason, the client gets a bare 500.
    deps.log.warn({ err: error, method: request.method, url: request.url }, 'request failed outside the S3 error mapping');
    void reply.code(500).send();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const s3Deps = {
    partitions: deps.partitions,
    containers: new ContainerSettingsCache(deps.partitions, deps.clock),
    reader: deps.reader,
    blobs: deps.blobs,
    records: deps.records,
    blobData: deps.blobData,
    clock: deps.clock,
  };

  app.get('/_strata/live', async () => ({ live: true }));
  app.get('/_strata/ready', async (_request, reply) => {
    const problem = await probeReadiness(deps);
    return problem ? reply.code(503).send({ ready: false, problem }) : { ready: true };
  });
  const metrics = new FrontEndMetrics();
  metrics.watch(deps.blobs, deps.records);
  app.get('/_strata/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()));
  app.decorateRequest('s3Operation', '');
  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/_strata/')) return;
    metrics.record(request.s3Operation || 'Unknown', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.decorateRequest('contentTypeAside', null);
  const handler = (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => serveS3(deps, s3Deps, request, reply);
  for (const url of ['/', '/*']) {
    app.route({
      method: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
      url,
      onRequest: setContentTypeAside,
      preValidation: putContentTypeBack,
      handler,
    });
  }
  return app;
}

/**
 * fastify answers 415 itself, before any handler runs, to a body whose Content-Type is not a
 * valid media type (an empty one, say), while S3 stores an object whatever its Content-Type.
 * Strata never has fastify parse a body, so the header is set aside while fastify routes the
 * body and put back (as it came: it may be signed) before the request is served.
 */
async function setContentTypeAside(request: FastifyRequest): Promise<void> {
  const contentType = request.raw.headers['content-type'];
  if (contentType === undefined) return;
  request.contentTypeAside = contentType;
  delete request.raw.headers['content-type'];
}

async function putContentTypeBack(request: FastifyRequest): Promise<void> {
  if (request.contentTypeAside !== null) request.raw.headers['content-type'] = request.contentTypeAside;
}

async function serveS3(deps: FrontEndDeps, s3Deps: Omit<S3Deps, 'log'>, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const requestId = nextRequestId();
  const rawUrl = request.raw.url ?? '/';
  reply.header('x-amz-request-id', requestId).header('x-amz-id-2', requestId).header('server', 'Strata');
  const log = deps.log.child({ requestId });
  // Who and what the request addresses, once known: CORS headers go on errors as well.
  let addressed: { account: string | undefined; target: RequestTarget } | undefined;
  try {
    checkHeaderSection(request.raw.rawHeaders);
    const host = parseHost(request.headers.host, deps.domain);
    const target = parseTarget(rawUrl, host.bucket);
    const unsignedAccount = host.account ?? (deps.accounts.serves(deps.defaultAccount) ? deps.defaultAccount : undefined);
    if (request.method === 'OPTIONS') {
      request.s3Operation = 'Preflight';
      return send(request, reply, await preflight({ headers: request.headers, target, account: unsignedAccount, requestId }, s3Deps.containers));
    }
    addressed = { account: host.account, target };
    const auth = authenticate({
      method: request.method,
      rawUrl,
      headers: request.headers,
      accounts: deps.accounts,
      nowMs: deps.clock.nowMs(),
      ...(deps.strictRegion ? { region: deps.strictRegion } : {}),
      ...(host.account !== undefined ? { hostAccount: host.account } : {}),
    });
    const operation = chooseOperation(request.method, target, request.headers);
    request.s3Operation = s3OperationName(operation);
    const account = auth.anonymous
      ? await authorizeAnonymous({
          account: unsignedAccount,
          bucket: target.bucket,
          need: anonymousNeed(operation, target.query),
          containers: s3Deps.containers,
          requestId,
        })
      : auth.account;
    addressed = { account, target };
    const region = auth.anonymous ? deps.region : auth.region;
    const response = await operation(
      { requestId, method: request.method, account, target, headers: request.headers, auth, region, body: request.raw },
      { ...s3Deps, log },
    );
    log.debug({ method: request.method, url: rawUrl, status: response.status }, 's3 request');
    await addCorsHeaders(s3Deps, request, reply, addressed);
    return send(request, reply, response);
  } catch (error) {
    rethrowIfAssertion(error);
    const s3Error = toS3Error(error);
    const details = { method: request.method, url: rawUrl, code: s3Error.code, err: error };
    if (s3Error.httpStatus >= 500) log.error(details, 's3 request failed');
    else log.debug(details, 's3 request refused');
    // Read and drop what the client is still sending, so it sees the answer rather than a reset.
    discardBody(request);
    // The error answer goes out with or without CORS headers: a browser then reports the error as a CORS failure.
    await addCorsHeaders(s3Deps, request, reply, addressed).catch(warnDropped(log, 'cors headers for an error answer failed'));
    reply.code(s3Error.httpStatus).headers(s3Error.responseHeaders).header('content-type', 'application/xml');
    if (request.method === 'HEAD') return reply.send();
    return reply.send(errorXml(s3Error, rawUrl.split('?')[0] ?? '/', requestId));
  }
}

/**
 * A browser's actual (non-preflight) request to a bucket with CORS rules: the headers of the
 * rule that allows its origin and method, and Vary so shared caches keep answers per origin.
 */
async function addCorsHeaders(
  s3Deps: Omit<S3Deps, 'log'>,
  request: FastifyRequest,
  reply: FastifyReply,
  addressed: { account: string | undefined; target: RequestTarget } | undefined,
): Promise<void> {
  const origin = request.headers.origin;
  if (!addressed?.account || !addressed.target.bucket || origin === undefined) return;
  const settings = await s3Deps.containers.get(addressed.account, addressed.target.bucket);
  if (!settings || settings.corsRules.length === 0) return;
  reply.header('vary', CORS_VARY);
  const rule = matchCorsRule(settings.corsRules, origin, request.method);
  if (rule) reply.headers(corsHeaders(rule, origin));
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
