import { errorMessage, type Clock, rethrowIfAssertion } from '@strata/common';
import type { AccountView, StampView } from '../admin/views.js';
import { LOCATION_ERROR_CODES, LocationError, type LocationErrorCode } from '../errors.js';

/** How long a call keeps trying instances while none answers or none leads (a failover takes a lease TTL). */
const ADMIN_RETRY_MS = 30_000;
const ADMIN_CALL_TIMEOUT_MS = 600_000;

export interface DeleteResult {
  deleted: string;
  containers: number;
  blobs: number;
}

/**
 * The typed client of the admin HTTP API, for the CLI. Tries each instance in turn and keeps
 * trying while they are unreachable or between leaders; repeats a change only when repeating
 * it is safe (creation carries a request token, deletion resumes) or it surely never arrived.
 * Fails with a LocationError carrying the service's code.
 */
export class AdminClient {
  constructor(private readonly options: { endpoints: readonly string[]; token: string; clock: Clock; retryMs?: number }) {}

  createAccount(request: { name: string; stampId?: string; requestToken: string }): Promise<AccountView> {
    return this.call('POST', '/v1/accounts', { body: request, idempotent: true });
  }

  async listAccounts(): Promise<AccountView[]> {
    return (await this.call<{ accounts: AccountView[] }>('GET', '/v1/accounts', { idempotent: true })).accounts;
  }

  showAccount(name: string): Promise<AccountView> {
    return this.call('GET', `/v1/accounts/${encodeURIComponent(name)}`, { idempotent: true });
  }

  deleteAccount(name: string, options: { force: boolean }): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/accounts/${encodeURIComponent(name)}${options.force ? '?force=true' : ''}`, { idempotent: true });
  }

  rotateKeys(name: string): Promise<AccountView> {
    return this.call('POST', `/v1/accounts/${encodeURIComponent(name)}/rotate-keys`, { idempotent: false });
  }

  async listStamps(): Promise<StampView[]> {
    return (await this.call<{ stamps: StampView[] }>('GET', '/v1/stamps', { idempotent: true })).stamps;
  }

  private async call<Reply>(method: string, path: string, options: { body?: unknown; idempotent: boolean }): Promise<Reply> {
    const deadline = this.options.clock.monotonicMs() + (this.options.retryMs ?? ADMIN_RETRY_MS);
    let last = new LocationError('UNAVAILABLE', 'no admin endpoint given');
    for (let round = 0; ; round++) {
      for (const endpoint of this.options.endpoints) {
        const outcome = await this.once<Reply>(endpoint, method, path, options);
        if (outcome.ok) return outcome.reply;
        last = outcome.error;
        if (!outcome.retry || (!options.idempotent && !outcome.unsent)) throw last;
      }
      if (this.options.clock.monotonicMs() > deadline) throw last;
      await this.options.clock.sleep(Math.min(1_000, 100 * 2 ** round));
    }
  }

  private async once<Reply>(
    endpoint: string,
    method: string,
    path: string,
    options: { body?: unknown },
  ): Promise<{ ok: true; reply: Reply } | { ok: false; error: LocationError; retry: boolean; unsent: boolean }> {
    let response: Response;
    try {
      response = await fetch(new URL(path, endpoint), {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(ADMIN_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      rethrowIfAssertion(error);
      const refused = (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
      return {
        ok: false,
        error: new LocationError(
          'UNAVAILABLE',
          `cannot reach the location service at ${endpoint}: ${errorMessage((error as { cause?: unknown }).cause ?? error)}`,
        ),
        retry: true,
        unsent: refused,
      };
    }
    const text = await response.text();
    if (response.ok) return { ok: true, reply: JSON.parse(text) as Reply };
    const sent = parseError(text);
    const code: LocationErrorCode = sent && (LOCATION_ERROR_CODES as readonly string[]).includes(sent.code) ? (sent.code as LocationErrorCode) : 'INTERNAL';
    const error = new LocationError(code, sent?.message ?? `HTTP ${response.status} from ${endpoint}`, { status: response.status });
    // A 503 is answered before any change is made: a standby between leaders, or a leader it cannot reach.
    return { ok: false, error, retry: response.status === 503, unsent: response.status === 503 };
  }
}

function parseError(text: string): { code: string; message: string } | undefined {
  try {
    return (JSON.parse(text) as { error?: { code: string; message: string } }).error;
  } catch (error) {
    rethrowIfAssertion(error);
    return undefined;
  }
}
