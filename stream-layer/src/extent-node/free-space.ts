import { statfs } from 'node:fs/promises';

/** Bytes available to this process on the file system holding `path`. */
export async function freeBytes(path: string): Promise<number> {
  const stats = await statfs(path);
  return stats.bavail * stats.bsize;
}
