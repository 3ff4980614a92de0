import { rethrowIfAssertion } from '@strata/common';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The location service's admin token of a data directory: made at the first start and kept in
 * DIR/admin-token (readable by its owner only), so it stays the same across restarts.
 */
export async function adminTokenOf(dataDir: string): Promise<string> {
  const path = join(dataDir, 'admin-token');
  try {
    const token = (await readFile(path, 'utf8')).trim();
    if (token.length >= 16) return token;
  } catch (error) {
    rethrowIfAssertion(error);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(24).toString('base64url');
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  return token;
}
