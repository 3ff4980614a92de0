import { Failpoints, rethrowIfAssertion, type Clock, type Logger } from '@strata/common';
import { StreamError } from '../errors.js';
import { ExtentFile, type ExtentNodeFailpoint } from './extent-file.js';
import type { ReplicaDisk } from './replica-disk.js';
import type { ReplicaMeta, ReplicaMetaStore } from './replica-meta-store.js';

export type { ReplicaMeta } from './replica-meta-store.js';

export interface Replica {
  meta: ReplicaMeta;
  file: ExtentFile;
}

const EXTENT_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const fileName = (extentId: string): string => `${extentId}.extent`;
const copyName = (extentId: string): string => `${extentId}.extent.copy`;

/**
 * Every replica on one extent node: files on its disk, records in its meta store. On open,
 * each unsealed replica's file is walked and a torn tail cut (see ExtentFile.open).
 */
export class ExtentStore {
  private readonly replicas = new Map<string, Replica>();

  private constructor(
    readonly disk: ReplicaDisk,
    private readonly meta: ReplicaMetaStore,
    private readonly clock: Clock,
    private readonly failpoints: Failpoints<ExtentNodeFailpoint>,
  ) {}

  static async open(options: {
    disk: ReplicaDisk;
    meta: ReplicaMetaStore;
    clock: Clock;
    log: Logger;
    failpoints?: Failpoints<ExtentNodeFailpoint>;
  }): Promise<ExtentStore> {
    // Copies a crash interrupted were never visible; they are garbage.
    for (const name of await options.disk.list()) if (name.endsWith('.copy')) await options.disk.remove(name);
    const store = new ExtentStore(options.disk, options.meta, options.clock, options.failpoints ?? new Failpoints(undefined));
    for (const meta of await options.meta.all()) {
      try {
        const file = await store.openFile(meta);
        store.replicas.set(meta.extentId, { meta, file });
      } catch (error) {
        rethrowIfAssertion(error);
        // A replica shorter than its seal or freeze lost data: drop it, and the manager re-copies it.
        options.log.error({ extentId: meta.extentId, err: error }, 'replica unusable at start; dropped');
        await options.meta.delete(meta.extentId);
        await options.disk.remove(fileName(meta.extentId));
      }
    }
    options.log.info({ replicas: store.replicas.size }, 'extent store opened');
    return store;
  }

  private async openFile(meta: ReplicaMeta): Promise<ExtentFile> {
    const file = await ExtentFile.open({
      handle: await this.disk.open(fileName(meta.extentId)),
      name: meta.extentId,
      failpoints: this.failpoints,
      ...(meta.state === 'sealed' ? { sealedLengthBytes: meta.sealedLengthBytes ?? 0 } : {}),
      ...(meta.state === 'frozen' && meta.frozenLengthBytes !== undefined ? { frozenLengthBytes: meta.frozenLengthBytes } : {}),
    });
    // A frozen record from before the length was recorded: frozen at what the walk found.
    if (meta.state === 'frozen' && !file.frozen) await file.freeze();
    return file;
  }

  /** Where a copy is written until it is whole. */
  copyNameOf(extentId: string): string {
    checkExtentId(extentId);
    return copyName(extentId);
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
    await this.meta.put(meta);
    const replica = { meta, file: await ExtentFile.open({ handle: await this.disk.open(fileName(extentId)), name: extentId, failpoints: this.failpoints }) };
    this.replicas.set(extentId, replica);
    return replica;
  }

  /** The replica, or EXTENT_NOT_FOUND. */
  get(extentId: string): Replica {
    const replica = this.replicas.get(extentId);
    if (!replica) throw new StreamError('EXTENT_NOT_FOUND', `no replica of extent ${extentId} here`);
    return replica;
  }

  /** See ExtentFile.freeze; the frozen state and length survive a restart. */
  async freeze(extentId: string): Promise<number> {
    const replica = this.get(extentId);
    const length = await replica.file.freeze();
    if (replica.meta.state === 'open') await this.record(replica, { ...replica.meta, state: 'frozen', frozenLengthBytes: length });
    return length;
  }

  /** See ExtentFile.seal; records the seal after the file is cut. */
  async seal(extentId: string, lengthBytes: number): Promise<void> {
    const replica = this.get(extentId);
    try {
      await replica.file.seal(lengthBytes);
    } catch (error) {
      rethrowIfAssertion(error);
      // The disk failed under the cut: the replica is not to be trusted any more. Marked, it is
      // served no more and the manager replaces it (deleted, then copied from a good replica).
      if (!(error instanceof StreamError)) await this.markCorrupt(extentId);
      throw error;
    }
    if (replica.meta.state !== 'sealed') await this.record(replica, { ...replica.meta, state: 'sealed', sealedLengthBytes: lengthBytes });
  }

  /**
   * Makes a finished copy (a durable file named `copyNameOf`) the node's sealed replica,
   * replacing any replica it held.
   */
  async adoptCopy(extentId: string, options: { chain: readonly string[]; lengthBytes: number }): Promise<Replica> {
    await this.remove(extentId);
    const meta: ReplicaMeta = { extentId, chain: [...options.chain], state: 'sealed', sealedLengthBytes: options.lengthBytes, createdMs: this.clock.nowMs() };
    await this.disk.rename(copyName(extentId), fileName(extentId));
    await this.meta.put(meta);
    const file = await ExtentFile.open({ handle: await this.disk.open(fileName(extentId)), name: extentId, sealedLengthBytes: options.lengthBytes });
    const replica = { meta, file };
    this.replicas.set(extentId, replica);
    return replica;
  }

  /** Records that a block of the replica failed its checksum; it is served no more. True if newly marked. */
  async markCorrupt(extentId: string): Promise<boolean> {
    const replica = this.replicas.get(extentId);
    if (!replica || replica.meta.corrupt) return false;
    await this.record(replica, { ...replica.meta, corrupt: true });
    return true;
  }

  /** Drops a replica and its file. */
  async remove(extentId: string): Promise<void> {
    const replica = this.replicas.get(extentId);
    if (!replica) return;
    this.replicas.delete(extentId);
    await replica.file.close();
    await this.meta.delete(extentId);
    await this.disk.remove(fileName(extentId));
  }

  /**
   * Changes a replica's record: durably first, then in memory, so that what the node reports
   * is never ahead of what it would find after a restart (a failed write changes neither).
   */
  private async record(replica: Replica, next: ReplicaMeta): Promise<void> {
    await this.meta.put(next);
    replica.meta = next;
  }

  list(): ReplicaMeta[] {
    return [...this.replicas.values()].map((replica) => replica.meta);
  }

  async close(): Promise<void> {
    for (const replica of this.replicas.values()) await replica.file.close();
    await this.meta.close();
  }
}

function checkExtentId(extentId: string): void {
  if (!EXTENT_ID.test(extentId)) throw new StreamError('INVALID_ARGUMENT', `bad extent id ${JSON.stringify(extentId)}`);
}
