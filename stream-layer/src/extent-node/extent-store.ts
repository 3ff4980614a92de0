import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import { Failpoints, type Clock, type Logger } from '@strata/common';
import { StreamError } from '../errors.js';
import { ExtentFile, type ExtentNodeFailpoint } from './extent-file.js';

/** What a node records about one replica it holds, in its local `level` store. */
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
    private readonly failpoints: Failpoints<ExtentNodeFailpoint>,
  ) {}

  static async open(options: { dataDir: string; clock: Clock; log: Logger; failpoints?: Failpoints<ExtentNodeFailpoint> }): Promise<ExtentStore> {
    const extentsDir = join(options.dataDir, 'extents');
    await mkdir(extentsDir, { recursive: true });
    // Copies a crash interrupted were never visible; they are garbage.
    for (const name of await readdir(extentsDir)) if (name.endsWith('.copy')) await rm(join(extentsDir, name), { force: true });
    const db = new Level<string, ReplicaMeta>(join(options.dataDir, 'meta'), { valueEncoding: 'json' });
    await db.open();
    const store = new ExtentStore(options.dataDir, db, options.clock, options.failpoints ?? new Failpoints(undefined));
    for await (const meta of db.values({ gte: 'extent/', lt: 'extent0' })) {
      try {
        const file = await ExtentFile.open({
          path: store.pathOf(meta.extentId),
          failpoints: store.failpoints,
          ...(meta.state === 'sealed' ? { sealedLengthBytes: meta.sealedLengthBytes ?? 0 } : {}),
          ...(meta.state === 'frozen' && meta.frozenLengthBytes !== undefined ? { frozenLengthBytes: meta.frozenLengthBytes } : {}),
        });
        // A frozen record from before the length was recorded: frozen at what the walk found.
        if (meta.state === 'frozen' && !file.frozen) await file.freeze();
        store.replicas.set(meta.extentId, { meta, file });
      } catch (error) {
        // A sealed replica shorter than its seal lost data: drop it, and the manager re-copies it.
        options.log.error({ extentId: meta.extentId, err: error }, 'replica unusable at start; dropped');
        await db.del(`extent/${meta.extentId}`);
        await rm(store.pathOf(meta.extentId), { force: true });
      }
    }
    options.log.info({ replicas: store.replicas.size }, 'extent store opened');
    return store;
  }

  private pathOf(extentId: string): string {
    return join(this.dataDir, 'extents', `${extentId}.extent`);
  }

  /** Where a copy is written until it is whole. */
  copyPathOf(extentId: string): string {
    checkExtentId(extentId);
    return `${this.pathOf(extentId)}.copy`;
  }

  /** The data directory, for free-space checks. */
  get directory(): string {
    return this.dataDir;
  }

  /** Creates an empty replica. Creating it again with the same chain does nothing. */
  async create(extentId: string, chain: readonly string[]): Promise<Replica> {
    checkExtentId(extentId);
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
    const replica = { meta, file: await ExtentFile.open({ path: this.pathOf(extentId), failpoints: this.failpoints }) };
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
      replica.meta = { ...replica.meta, state: 'frozen', frozenLengthBytes: length };
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

  /**
   * Makes a finished copy (a durable file at `copyPathOf`) the node's sealed replica, replacing
   * any replica it held.
   */
  async adoptCopy(extentId: string, options: { chain: readonly string[]; lengthBytes: number }): Promise<Replica> {
    await this.remove(extentId);
    const meta: ReplicaMeta = { extentId, chain: [...options.chain], state: 'sealed', sealedLengthBytes: options.lengthBytes, createdMs: this.clock.nowMs() };
    await rename(this.copyPathOf(extentId), this.pathOf(extentId));
    await this.db.put(`extent/${extentId}`, meta, { sync: true } as never);
    const replica = { meta, file: await ExtentFile.open({ path: this.pathOf(extentId), sealedLengthBytes: options.lengthBytes }) };
    this.replicas.set(extentId, replica);
    return replica;
  }

  /** Records that a block of the replica failed its checksum; it is served no more. True if newly marked. */
  async markCorrupt(extentId: string): Promise<boolean> {
    const replica = this.replicas.get(extentId);
    if (!replica || replica.meta.corrupt) return false;
    replica.meta = { ...replica.meta, corrupt: true };
    await this.db.put(`extent/${extentId}`, replica.meta, { sync: true } as never);
    return true;
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

function checkExtentId(extentId: string): void {
  if (!EXTENT_ID.test(extentId)) throw new StreamError('INVALID_ARGUMENT', `bad extent id ${JSON.stringify(extentId)}`);
}
