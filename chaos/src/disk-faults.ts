import { execFileSync } from 'node:child_process';
import { mkdir, open, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';

/** The small disk of the extent node `--fill-disk` fills: its share of about ten minutes of load (tmpfs takes memory only as it fills). */
export const SMALL_DISK_BYTES = 2 * 1024 * 1024 * 1024;
/** That node calls itself full below this much free space (and takes no new extents). */
export const SMALL_DISK_FULL_BELOW_BYTES = 64 * 1024 * 1024;
/** The ballast leaves this much free: less than the full mark, so appends meet a really full disk. */
const BALLAST_LEAVES_BYTES = 4 * 1024 * 1024;
const BALLAST_CHUNK_BYTES = 8 * 1024 * 1024;

function asRoot(args: string[]): void {
  const root = process.getuid?.() === 0;
  try {
    execFileSync(root ? args[0]! : 'sudo', root ? args.slice(1) : ['-n', ...args], { stdio: 'pipe' });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`${args.join(' ')} failed (--fill-disk needs root or passwordless sudo): ${stderr || (error as Error).message}`);
  }
}

/**
 * A tmpfs of `SMALL_DISK_BYTES` mounted for one extent node, and a ballast file on it that the
 * nemesis grows until the disk is all but full and removes again.
 */
export class SmallDisk {
  private mounted = false;

  constructor(readonly mountPoint: string) {}

  /** Where the extent node keeps its data on the small disk. */
  get dataDir(): string {
    return join(this.mountPoint, 'extent-node');
  }

  async mount(): Promise<void> {
    await mkdir(this.mountPoint, { recursive: true });
    asRoot(['mount', '-t', 'tmpfs', '-o', `size=${SMALL_DISK_BYTES}`, 'tmpfs', this.mountPoint]);
    this.mounted = true;
    await mkdir(this.dataDir, { recursive: true });
  }

  async freeBytes(): Promise<number> {
    const stats = await statfs(this.mountPoint);
    return stats.bavail * stats.bsize;
  }

  /** Fills the disk up to `BALLAST_LEAVES_BYTES` free; returns the ballast's size. */
  async fill(): Promise<number> {
    const target = Math.max(0, (await this.freeBytes()) - BALLAST_LEAVES_BYTES);
    const file = await open(join(this.mountPoint, 'ballast'), 'a');
    const chunk = Buffer.alloc(BALLAST_CHUNK_BYTES);
    let written = 0;
    try {
      while (written < target) {
        const { bytesWritten } = await file.write(chunk, 0, Math.min(chunk.length, target - written));
        written += bytesWritten;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      await file.close();
    }
    return written;
  }

  async release(): Promise<void> {
    await rm(join(this.mountPoint, 'ballast'), { force: true });
  }

  async unmount(): Promise<void> {
    if (!this.mounted) return;
    asRoot(['umount', this.mountPoint]);
    this.mounted = false;
  }
}

/** Flips every bit of the byte at `offset` of `path`: a replica that rotted on disk. */
export async function flipByte(path: string, offset: number): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, offset);
    byte[0]! ^= 0xff;
    await file.write(byte, 0, 1, offset);
  } finally {
    await file.close();
  }
}
