import { transactAsLeader, type Etcd3 } from '@strata/common';
import { StreamError } from '../errors.js';

/** One transaction's view of the stream manager's keys. */
export interface MetadataTx {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Where the stream manager keeps its records: etcd in a stamp, memory in the simulation.
 * Reads outside a transaction may be stale by the time they are used; every change goes
 * through `asLeader`.
 */
export interface MetadataKv {
  /**
   * Runs `body` as one serializable transaction (retried on a conflict with another) that
   * commits only while this manager leads; NOT_LEADER otherwise.
   */
  asLeader<T>(body: (tx: MetadataTx) => Promise<T>): Promise<T>;
  get(key: string): Promise<string | null>;
  /** The values of every key under `prefix`. */
  values(prefix: string): Promise<string[]>;
}

/** The stream manager's records in etcd, changed only by transactions that check its leadership key. */
export function etcdMetadataKv(etcd: Etcd3, leaderKey: () => Promise<string | undefined>): MetadataKv {
  return {
    asLeader: (body) =>
      transactAsLeader(
        etcd,
        leaderKey,
        () => new StreamError('NOT_LEADER', 'this stream manager no longer leads'),
        (tx) =>
          body({
            get: (key) => tx.get(key).string(),
            put: async (key, value) => {
              await tx.put(key).value(value);
            },
            delete: async (key) => {
              await tx.delete().key(key);
            },
          }),
      ),
    get: (key) => etcd.get(key).string(),
    values: async (prefix) => Object.values(await etcd.getAll().prefix(prefix).strings()),
  };
}
