import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a replica needs of its file: positional writes and reads, fdatasync and truncate.
 * Node's FileHandle is one; the simulation's disk, which can lose what was not synced, is another.
 */
export interface ReplicaFileHandle {
  writev(buffers: Buffer[], position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  datasync(): Promise<void>;
  truncate(lengthBytes: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/** Where an extent node keeps its replica files: one flat directory of named files. */
export interface ReplicaDisk {
  /** Opens a file for reading and writing, creating it when missing; `truncate` empties it. */
  open(name: string, options?: { truncate?: boolean }): Promise<ReplicaFileHandle>;
  /** Renames a file, replacing any file of the new name. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is fine. */
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
  /** Bytes available on the disk, for placement and the full-disk check. */
  freeBytes(): Promise<number>;
}

/** Replica files in the directory `dir` of the local file system (created if missing). */
export async function localDisk(dir: string): Promise<ReplicaDisk> {
  await mkdir(dir, { recursive: true });
  return {
    open: (name, options) => open(join(dir, name), constants.O_RDWR | constants.O_CREAT | (options?.truncate ? constants.O_TRUNC : 0), 0o644),
    rename: (from, to) => rename(join(dir, from), join(dir, to)),
    remove: (name) => rm(join(dir, name), { force: true }),
    list: () => readdir(dir),
    freeBytes: async () => {
      const stats = await statfs(dir);
      return stats.bavail * stats.bsize;
    },
  };
}
