import { StrataError } from '@strata/common';
import type { ReplicaDisk, ReplicaFileHandle } from '../extent-node/replica-disk.js';
import type { ReplicaMeta, ReplicaMetaStore } from '../extent-node/replica-meta-store.js';
import type { Prng } from './prng.js';
import type { SimProcess, SimWorld } from './world.js';

/** One file: what reads see now (the page cache) and what survives a crash (as of the last fdatasync). */
interface SimFile {
  current: Buffer;
  synced: Buffer;
  /** Writes and truncations since the last sync, in order: a crash keeps some prefix of them, the last maybe torn. */
  unsynced: ({ kind: 'write'; position: number; data: Buffer } | { kind: 'truncate'; lengthBytes: number })[];
}

/** The disk's timing and faults, drawn from the seed. */
export interface DiskProfile {
  /** Latency of one operation, ms. */
  latencyMs: () => number;
  /** Chance that an operation fails with EIO (the replica then refuses further appends). */
  errorRate: number;
}

/**
 * An extent node's disk in the simulation: files whose unsynced writes a crash may lose,
 * tear or keep (in order), and records (the node's `level` store) that are durable once
 * written, as synced puts are. Every operation completes after a latency, on the node's
 * process: a crashed node's operations never complete.
 */
export class SimDisk implements ReplicaDisk {
  private readonly files = new Map<string, SimFile>();
  readonly records = new Map<string, ReplicaMeta>();
  /** Operations so far: a file's fingerprint changes whenever its synced bytes do. */
  generation = 0;

  constructor(
    private readonly world: SimWorld,
    private readonly process: SimProcess,
    private readonly random: Prng,
    private readonly profile: DiskProfile,
  ) {}

  /** Completes `work` after the disk's latency, in the node's process; fails it with EIO at the error rate. */
  private io<T>(work: () => T, mayFail = true): Promise<T> {
    return new Promise((resolve, reject) => {
      const fails = mayFail && this.random.chance(this.profile.errorRate);
      this.world.schedule(this.process, this.profile.latencyMs(), () => {
        if (fails) return reject(new StrataError('EIO', 'simulated disk I/O error'));
        try {
          resolve(work());
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  }

  open(name: string, options?: { truncate?: boolean }): Promise<ReplicaFileHandle> {
    return this.io(() => {
      let file = this.files.get(name);
      if (!file) {
        // A new directory entry is durable (the node fsyncs its directory); its bytes are not.
        file = { current: Buffer.alloc(0), synced: Buffer.alloc(0), unsynced: [] };
        this.files.set(name, file);
      }
      if (options?.truncate) {
        file.current = Buffer.alloc(0);
        file.unsynced.push({ kind: 'truncate', lengthBytes: 0 });
      }
      return this.handle(name);
    }, false);
  }

  private handle(name: string): ReplicaFileHandle {
    const file = (): SimFile => {
      const found = this.files.get(name);
      if (!found) throw new StrataError('ENOENT', `no file ${name}`);
      return found;
    };
    return {
      writev: (buffers, position) =>
        this.io(() => {
          const data = Buffer.concat(buffers);
          const target = file();
          target.current = writeAt(target.current, position, data);
          target.unsynced.push({ kind: 'write', position, data });
          return { bytesWritten: data.length };
        }),
      read: (buffer, offset, length, position) =>
        this.io(() => {
          const source = file().current;
          const bytesRead = Math.max(0, Math.min(length, source.length - position));
          if (bytesRead > 0) source.copy(buffer, offset, position, position + bytesRead);
          return { bytesRead };
        }, false),
      datasync: () =>
        this.io(() => {
          const target = file();
          target.synced = Buffer.from(target.current);
          target.unsynced = [];
          this.generation++;
        }),
      truncate: (lengthBytes) =>
        this.io(() => {
          const target = file();
          target.current = Buffer.from(target.current.subarray(0, lengthBytes));
          target.unsynced.push({ kind: 'truncate', lengthBytes });
        }),
      stat: () => this.io(() => ({ size: file().current.length }), false),
      close: () => this.io(() => undefined, false),
    };
  }

  rename(from: string, to: string): Promise<void> {
    return this.io(() => {
      const file = this.files.get(from);
      if (!file) throw new StrataError('ENOENT', `no file ${from}`);
      this.files.delete(from);
      this.files.set(to, file);
      this.generation++;
    }, false);
  }

  remove(name: string): Promise<void> {
    return this.io(() => {
      this.files.delete(name);
      this.generation++;
    }, false);
  }

  list(): Promise<string[]> {
    return this.io(() => [...this.files.keys()].sort(), false);
  }

  freeBytes(): Promise<number> {
    return this.io(() => 1 << 30, false);
  }

  /** The node's replica records, as its `level` store. */
  metaStore(): ReplicaMetaStore {
    return {
      put: (meta) =>
        this.io(() => {
          this.records.set(meta.extentId, structuredClone(meta));
        }),
      delete: (extentId) =>
        this.io(() => {
          this.records.delete(extentId);
        }, false),
      all: () => this.io(() => [...this.records.values()].map((meta) => structuredClone(meta)), false),
      close: () => this.io(() => undefined, false),
    };
  }

  /**
   * What a crash leaves: each file keeps its synced bytes plus a prefix of the writes since
   * (in order), the last of them possibly cut short.
   */
  crash(): void {
    for (const file of this.files.values()) {
      let bytes: Buffer = Buffer.from(file.synced);
      for (const change of file.unsynced) {
        if (this.random.chance(0.5)) break;
        if (change.kind === 'truncate') {
          bytes = Buffer.from(bytes.subarray(0, change.lengthBytes));
          continue;
        }
        const torn = this.random.chance(0.3) ? change.data.subarray(0, this.random.int(change.data.length + 1)) : change.data;
        bytes = writeAt(bytes, change.position, torn);
        if (torn.length < change.data.length) break;
      }
      file.current = bytes;
      file.synced = Buffer.from(bytes);
      file.unsynced = [];
    }
    this.generation++;
  }

  /** The bytes of `name` that a crash now would keep for sure, for the invariant checks. */
  syncedBytes(name: string): Buffer | undefined {
    return this.files.get(name)?.synced;
  }

  /** The bytes of `name` as reads see them now. */
  currentBytes(name: string): Buffer | undefined {
    return this.files.get(name)?.current;
  }
}

function writeAt(target: Buffer, position: number, data: Buffer): Buffer {
  const end = position + data.length;
  const out = end > target.length ? Buffer.concat([target, Buffer.alloc(end - target.length)]) : Buffer.from(target);
  data.copy(out, position);
  return out;
}
