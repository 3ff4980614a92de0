import type { Etcd3, Lease } from 'etcd3';
import type { Logger } from 'pino';

export interface Registration {
  /** Replaces the value (same key, same lease). */
  update(value: string): Promise<void>;
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
}): Promise<Registration> {
  let closed = false;
  let lease: Lease;
  let value = options.value;
  const grant = async (): Promise<void> => {
    lease = options.client.lease(options.ttlSeconds, { autoKeepAlive: true });
    lease.on('lost', (error) => {
      if (closed) return;
      options.log.warn({ key: options.key, err: error }, 'etcd lease lost');
      options.onLost?.();
      void retry();
    });
    await lease.put(options.key).value(value);
  };
  const retry = async (): Promise<void> => {
    for (let attempt = 0; !closed; attempt++) {
      try {
        await grant();
        options.log.info({ key: options.key }, 'etcd lease granted again');
        return;
      } catch (error) {
        options.log.warn({ key: options.key, err: error, attempt }, 'etcd lease grant failed');
        await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
      }
    }
  };
  await grant();
  return {
    update: async (next) => {
      value = next;
      await lease.put(options.key).value(value);
    },
    close: async () => {
      closed = true;
      await lease.revoke().catch(() => undefined);
    },
  };
}
