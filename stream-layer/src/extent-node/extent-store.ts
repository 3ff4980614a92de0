import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import type { Clock, Logger } from '@strata/common';
import { StreamError } from '../errors.js';
import { ExtentFile } from './extent-file.js';

/** What a node records about one replica it holds, in its local `level` store. */
export interface ReplicaMeta {
  extentId: string;
  /** Node ids of the extent's chain, head first. */
  chain: string[];
  state: 'open' | 'frozen' | 'sealed';
  sealedLengthBytes?: number;
  createdMs: number;
}

export interface Replica {
  meta: ReplicaMeta;
  file: ExtentFile;
}

const EXTENT_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/**
 * Every replica on one extent node: files under `extents/`, metadata in `level` under `meta/`.
 * On open, each unsealed replica's file is walked and a torn tail cut (see ExtentFile.open).
 */
export class ExtentStore {
  private readonly replicas = new Map<string, Replica>();

  private constructor(
    private readonly dataDir: string,
    private readonly db: Level<string, ReplicaMeta>,
    private readonly clock: Clock,
  ) {}

  static async open(options: { dataDir: string; clock: Clock; log: Logger }): Promise<ExtentStore> {
    await mkdir(join(options.dataDir, 'extents'), { recursive: true });
    const db = new Level<string, ReplicaMeta>(join(options.dataDir, 'meta'), { valueEncoding: 'json' });
    await db.open();
    const store = new ExtentStore(options.dataDir, db, options.clock);
    for await (const meta of db.values({ gte: 'extent/', lt: 'extent0' })) {
      const file = await ExtentFile.open({
        path: store.pathOf(meta.extentId),
        ...(meta.state === 'sealed' ? { sealedLengthBytes: meta.sealedLengthBytes ?? 0 } : {}),
      });
      if (meta.state === 'frozen') await file.freeze();
      store.replicas.set(meta.extentId, { meta, file });
    }
    options.log.info({ replicas: store.replicas.size }, 'extent store opened');
    return store;
  }

  private pathOf(extentId: string): string {
    return join(this.dataDir, 'extents', `${extentId}.extent`);
  }

  /** Creates an empty replica. Creating it again with the same chain does nothing. */
  async create(extentId: string, chain: readonly string[]): Promise<Replica> {
    if (!EXTENT_ID.test(extentId)) throw new StreamError('INVALID_ARGUMENT', `bad extent id ${JSON.stringify(extentId)}`);
    const existing = this.replicas.get(extentId);
    if (existing) {
      if (existing.meta.chain.join(',') !== chain.join(',')) {
        throw new StreamError('INVALID_ARGUMENT', `extent ${extentId} exists with another chain`);
      }
      return existing;
    }
    const meta: ReplicaMeta = { extentId, chain: [...chain], state: 'open', createdMs: this.clock.nowMs() };
    // Metadata first: a file without metadata would be invisible garbage after a crash, while
    // metadata without a file is recreated empty, which is what the extent was.
    await this.db.put(`extent/${extentId}`, meta, { sync: true } as never);
    const replica = { meta, file: await ExtentFile.open({ path: this.pathOf(extentId) }) };
    this.replicas.set(extentId, replica);
    return replica;
  }

  /** The replica, or EXTENT_NOT_FOUND. */
  get(extentId: string): Replica {
    const replica = this.replicas.get(extentId);
    if (!replica) throw new StreamError('EXTENT_NOT_FOUND', `no replica of extent ${extentId} here`);
    return replica;
  }

  /** See ExtentFile.freeze; the frozen state survives a restart. */
  async freeze(extentId: string): Promise<number> {
    const replica = this.get(extentId);
    const length = await replica.file.freeze();
    if (replica.meta.state === 'open') {
      replica.meta = { ...replica.meta, state: 'frozen' };
      await this.db.put(`extent/${extentId}`, replica.meta, { sync: true } as never);
    }
    return length;
  }

  /** See ExtentFile.seal; records the seal after the file is cut. */
  async seal(extentId: string, lengthBytes: number): Promise<void> {
    const replica = this.get(extentId);
    await replica.file.seal(lengthBytes);
    if (replica.meta.state !== 'sealed') {
      replica.meta = { ...replica.meta, state: 'sealed', sealedLengthBytes: lengthBytes };
      await this.db.put(`extent/${extentId}`, replica.meta, { sync: true } as never);
    }
  }

  /** Drops a replica and its file. */
  async remove(extentId: string): Promise<void> {
    const replica = this.replicas.get(extentId);
    if (!replica) return;
    this.replicas.delete(extentId);
    await replica.file.close();
    await this.db.del(`extent/${extentId}`);
    await rm(this.pathOf(extentId), { force: true });
  }

  list(): ReplicaMeta[] {
    return [...this.replicas.values()].map((replica) => replica.meta);
  }

  async close(): Promise<void> {
    for (const replica of this.replicas.values()) await replica.file.close();
    await this.db.close();
  }
}
