import { createHash } from 'node:crypto';

/**
 * Histories of single-key registers and a checker for them, for tests that race requests
 * against background work. Each key has one writer at a time (its writes are totally
 * ordered); reads run concurrently with anything. A value is named by (key, version) and its
 * bytes are a pure function of both, so a read can be checked byte for byte.
 */

export interface Write {
  key: string;
  /** The version written, or null for a DELETE. */
  version: number | null;
  invokedMs: number;
  completedMs: number;
}

export interface Read {
  key: string;
  /** The version read, or null for "no such key". */
  version: number | null;
  invokedMs: number;
  completedMs: number;
  /** The body was not what (key, version) names. */
  wrongBytes?: boolean;
}

const POOL = (() => {
  const parts: Buffer[] = [];
  let seed = createHash('sha256').update('register-history').digest();
  for (let i = 0; i < (4 * 1024 * 1024) / 32; i++) {
    seed = createHash('sha256').update(seed).digest();
    parts.push(seed);
  }
  return Buffer.concat(parts);
})();

/** The bytes of `key` at `version`: a header naming both, then bytes that depend on both (1 KiB to ~1.5 MiB). */
export function valueOf(key: string, version: number): Buffer {
  const digest = createHash('sha256').update(`${key}#${version}`).digest();
  const size = digest[0]! < 40 ? 1024 * 1024 + (digest.readUInt32BE(4) % (512 * 1024)) : 1024 + (digest.readUInt32BE(4) % (256 * 1024));
  const offset = digest.readUInt32BE(8) % (POOL.length - size);
  const body = Buffer.from(POOL.subarray(offset, offset + size));
  body.write(`${key}#${version}#`, 0, 'latin1');
  return body;
}

/** The version a body names, and whether the body is exactly that version's bytes. */
export function parseValue(key: string, body: Buffer): { version: number | null; wrongBytes: boolean } {
  const match = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#(\\d+)#`).exec(body.subarray(0, key.length + 24).toString('latin1'));
  if (!match) return { version: null, wrongBytes: true };
  const version = Number(match[1]);
  return { version, wrongBytes: !valueOf(key, version).equals(body) };
}

/**
 * Every read that no order of the operations could explain: it returns a version that was
 * overwritten (a lost write), a value after a DELETE that finished before it began with no PUT
 * racing it (a resurrected delete), a version never written, or wrong bytes. A read may return
 * the last write that completed before it began, or any write that began before it ended.
 */
export function violations(writes: readonly Write[], reads: readonly Read[]): string[] {
  const byKey = new Map<string, Write[]>();
  for (const write of writes) byKey.set(write.key, [...(byKey.get(write.key) ?? []), write]);
  const found: string[] = [];
  for (const read of reads) {
    const history = (byKey.get(read.key) ?? []).sort((a, b) => a.invokedMs - b.invokedMs);
    const settled = history.filter((w) => w.completedMs < read.invokedMs).at(-1);
    const allowed = new Set<number | null>([settled ? settled.version : null]);
    for (const write of history) if (write.invokedMs < read.completedMs && (!settled || write.invokedMs > settled.invokedMs)) allowed.add(write.version);
    const what = `${read.key} read at ${read.invokedMs.toFixed(0)}-${read.completedMs.toFixed(0)} ms`;
    if (read.wrongBytes) found.push(`${what}: wrong bytes`);
    else if (!allowed.has(read.version)) {
      const kind =
        read.version === null
          ? 'a lost write (no such key)'
          : settled?.version === null && !history.some((w) => w.version === read.version && w.invokedMs > settled.invokedMs)
            ? 'a resurrected delete'
            : 'a lost write';
      found.push(`${what}: ${kind}: got ${read.version ?? 'none'}, allowed ${[...allowed].map((v) => v ?? 'none').join('|')}`);
    }
  }
  return found;
}
