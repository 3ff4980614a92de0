import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the system temp dir for one server's data. */
export function makeTempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `strata-bench-${name}-`));
}

/** Removes a server's temp dir (all its data). */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
