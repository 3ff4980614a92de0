import { rethrowIfAssertion } from '../assert.js';
import type { Etcd3, Lease } from 'etcd3';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.js';
import { warnDropped } from '../errors.js';

export interface Registration {
  /** Replaces the value (same key, same lease). */
  update(value: string): Promise<void>;
  /** Whether the key is in etcd under a live lease now (false from a lease loss until it is granted again). */
  isHeld(): boolean;
  /**
   * How much longer the lease is sure to be live, from the last renewal etcd confirmed: a
   * process that was paused past its lease finds this at or below zero the moment it runs
   * again, before any event could tell it. Serve nothing that needs the lease below a margin.
   */
  validForMs(): number;
  /** Revokes the lease, so the key disappears at once rather than at lease expiry. */
  close(): Promise<void>;
}

/**
 * Keeps `key = value` in etcd for as long as this process lives, under a lease with
 * `ttlSeconds`. Others read the key's presence as "this node is up"; its disappearance (lease
 * expiry after the process dies or stalls) as "down". If the lease is lost while the process
 * lives (an etcd outage or a long pause), `onLost` runs and the key is registered again under a
 * new lease.
 */
export async function registerWithLease(options: {
  client: Etcd3;
  key: string;
  value: string;
  ttlSeconds: number;
  log: Logger;
  onLost?: () => void;
  clock?: Clock;
}): Promise<Registration> {
  const clock = options.clock ?? systemClock;
  let closed = false;
  let held = false;
  let renewedAtMs = -Infinity;
  let pendingRenewalMs = -Infinity;
  let lease: Lease | undefined;
  let value = options.value;
  let retrying = false;
  const grant = async (): Promise<void> => {
    const candidate = options.client.lease(options.ttlSeconds, { autoKeepAlive: true });
    // Measured from before the request: etcd counts the lease from some time after it.
    candidate.on('keepaliveFired', () => (pendingRenewalMs = clock.monotonicMs()));
    candidate.on('keepaliveSucceeded', () => (renewedAtMs = pendingRenewalMs));
    // Only the lease that holds the key may start a retry: a lease whose grant or put failed
    // also reports itself lost, and letting it retry too multiplied retry loops (and leases)
    // with every failed attempt during an etcd outage.
    candidate.on('lost', (error) => {
      if (candidate !== lease || !held) return;
      held = false;
      if (closed) return;
      options.log.warn({ key: options.key, err: error }, 'etcd lease lost');
      options.onLost?.();
      void retry();
    });
    const grantedFrom = clock.monotonicMs();
    try {
      await candidate.put(options.key).value(value);
      if (candidate.revoked()) throw new Error('the lease was lost while the key was being put');
    } catch (error) {
      rethrowIfAssertion(error);
      // Give the lease back (and stop its keepalives) if etcd granted it: nobody will use it.
      void candidate.revoke().catch(warnDropped(options.log, 'giving back an unused etcd lease failed; it runs out instead', { key: options.key }));
      throw error;
    }
    lease = candidate;
    renewedAtMs = grantedFrom;
    held = true;
  };
  const retry = async (): Promise<void> => {
    if (retrying) return;
    retrying = true;
    try {
      for (let attempt = 0; !closed; attempt++) {
        try {
          await grant();
          options.log.info({ key: options.key }, 'etcd lease granted again');
          return;
        } catch (error) {
          rethrowIfAssertion(error);
          options.log.warn({ key: options.key, err: error, attempt }, 'etcd lease grant failed');
          await clock.sleep(Math.min(2_000, 100 * 2 ** attempt));
        }
      }
    } finally {
      retrying = false;
    }
  };
  await grant();
  return {
    update: async (next) => {
      value = next;
      await lease?.put(options.key).value(value);
    },
    isHeld: () => held && !closed,
    validForMs: () => (held && !closed ? renewedAtMs + options.ttlSeconds * 1000 - clock.monotonicMs() : 0),
    close: async () => {
      closed = true;
      await lease?.revoke().catch(warnDropped(options.log, 'revoking the etcd lease failed; it runs out instead', { key: options.key }));
    },
  };
}
