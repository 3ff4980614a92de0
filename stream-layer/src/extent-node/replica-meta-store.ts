import { Level } from 'level';

/** What a node records about one replica it holds. */
export interface ReplicaMeta {
  extentId: string;
  /** Node ids of the extent's chain, head first. */
  chain: string[];
  state: 'open' | 'frozen' | 'sealed';
  sealedLengthBytes?: number;
  /** The length the replica was frozen at (absent in records older than the field). */
  frozenLengthBytes?: number;
  createdMs: number;
  /** A block failed its checksum: never served or copied again; the manager replaces it. */
  corrupt?: boolean;
}

/** A node's replica records: every change is durable when its promise resolves. */
export interface ReplicaMetaStore {
  put(meta: ReplicaMeta): Promise<void>;
  delete(extentId: string): Promise<void>;
  all(): Promise<ReplicaMeta[]>;
  close(): Promise<void>;
}

/** Replica records in a local `level` database at `dir`, each write synced. */
export async function levelReplicaMetaStore(dir: string): Promise<ReplicaMetaStore> {
  const db = new Level<string, ReplicaMeta>(dir, { valueEncoding: 'json' });
  await db.open();
  const key = (extentId: string): string => `extent/${extentId}`;
  return {
    put: (meta) => db.put(key(meta.extentId), meta, { sync: true } as never),
    delete: (extentId) => db.del(key(extentId), { sync: true } as never),
    all: () => db.values({ gte: 'extent/', lt: 'extent0' }).all(),
    close: () => db.close(),
  };
}
