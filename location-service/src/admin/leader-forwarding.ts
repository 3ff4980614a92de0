import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, rethrowIfAssertion } from '@strata/common';
import { LocationError } from '../errors.js';
import { FORWARD_TIMEOUT_MS } from '../limits.js';

/** Marks a request a standby forwarded, so it is never forwarded twice. */
export const FORWARDED_HEADER = 'x-strata-forwarded-by';

/**
 * Sends a mutation that reached a standby to the leader and relays the answer, so a client may
 * talk to any instance. Throws NOT_LEADER (503, the client retries) when there is no leader
 * or it cannot be reached.
 */
export async function forwardToLeader(options: {
  request: FastifyRequest;
  reply: FastifyReply;
  leaderUrl: string | undefined;
  instanceId: string;
}): Promise<void> {
  const { request, reply, leaderUrl } = options;
  if (!leaderUrl || request.headers[FORWARDED_HEADER] !== undefined)
    throw new LocationError('NOT_LEADER', 'no location-service leader right now; retry shortly');
  let response: Response;
  try {
    response = await fetch(new URL(request.url, leaderUrl), {
      method: request.method,
      headers: {
        authorization: request.headers.authorization ?? '',
        [FORWARDED_HEADER]: options.instanceId,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
  } catch (error) {
    rethrowIfAssertion(error);
    throw new LocationError('NOT_LEADER', `the leader at ${leaderUrl} cannot be reached (${errorMessage(error)}); retry shortly`);
  }
  const body = await response.text();
  await reply
    .code(response.status)
    .header('content-type', response.headers.get('content-type') ?? 'application/json')
    .send(body);
}
