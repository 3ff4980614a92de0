import { waitFor } from '@strata/common/testing';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamHarness } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const asRoot = (args: string[]): void => {
  const root = process.getuid?.() === 0;
  execFileSync(root ? args[0]! : 'sudo', root ? args.slice(1) : ['-n', ...args], { stdio: 'pipe' });
};

/**
 * Extent nodes on small tmpfs file systems fill up: the full one takes no new extents, the
 * others carry on, nothing acknowledged is lost, and once no node has room the S3 answer is a
 * 503 a client retries, never a 500. Mounting tmpfs needs root (or passwordless sudo), which
 * CI has.
 */
describe('stream layer: full disks', () => {
  let t: TestStamp;
  let h: StreamHarness;
  let mounts: string[] = [];
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'strata-test-tmpfs-'));
    const sizes = { 'en-1': '40m', 'en-2': '40m', 'en-3': '40m', 'en-4': '12m' };
    for (const [id, size] of Object.entries(sizes)) {
      const dir = join(base, id);
      await mkdir(dir);
      asRoot(['mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
      mounts.push(dir);
    }
    t = await startTestStamp({
      extentNodes: 4,
      roleArgs: Object.fromEntries(Object.keys(sizes).map((id) => [id, ['--data-dir', join(base, id)]])),
      env: { STRATA_FULL_BELOW_BYTES: String(4 * MiB), STRATA_EXTENT_SIZE_MAX_BYTES: String(4 * MiB), STRATA_REPAIR_INTERVAL_MS: '500' },
    });
    h = new StreamHarness(t.stamp);
    await t.s3.send(new CreateBucketCommand({ Bucket: 'filling' }));
  });
  afterAll(async () => {
    h?.close();
    await t?.destroy();
    for (const dir of mounts) {
      try {
        asRoot(['umount', dir]);
      } catch {
        // already unmounted
      }
    }
    mounts = [];
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('moves new extents off a full node, loses nothing acknowledged, and answers 503 when no node has room', async () => {
    const stored = new Map<string, string>();
    const refusals: { status: number; code: string }[] = [];
    let fullSeenAt = -1;
    let acceptedAfterFull = 0;
    for (let i = 0; i < 200 && refusals.length < 3; i++) {
      const body = randomBytes(MiB);
      const key = `object-${String(i).padStart(3, '0')}`;
      try {
        await t.s3.send(new PutObjectCommand({ Bucket: 'filling', Key: key, Body: body }));
        stored.set(key, createHash('sha256').update(body).digest('hex'));
        if (fullSeenAt >= 0) acceptedAfterFull++;
      } catch (error) {
        const failure = error as S3ServiceException;
        refusals.push({ status: failure.$metadata?.httpStatusCode ?? 0, code: failure.name });
      }
      if (fullSeenAt < 0 && (await nodeRecord(h, t, 'en-4'))?.full) fullSeenAt = i;
    }
    process.stdout.write(
      `disk full: stored=${stored.size} en-4 full after PUT #${fullSeenAt}, accepted after that=${acceptedAfterFull}, refusals=${JSON.stringify(refusals)}\n`,
    );
    expect(fullSeenAt).toBeGreaterThanOrEqual(0);
    expect(acceptedAfterFull).toBeGreaterThan(0);
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect(refusal.status).toBe(503);
      expect(['ServiceUnavailable', 'SlowDown']).toContain(refusal.code);
    }
    // No room means fewer than three nodes can take an extent (the replica count).
    const withRoom = [];
    for (const id of ['en-1', 'en-2', 'en-3', 'en-4']) if (!(await nodeRecord(h, t, id))?.full) withRoom.push(id);
    expect(withRoom.length, `nodes with room: ${withRoom.join(', ')}`).toBeLessThan(3);
    // Every acknowledged object reads back, byte for byte, from full nodes.
    await waitFor(
      'reads to be served',
      async () => {
        try {
          // Read the body to its end: a body left unread would be reset when the stamp stops, an
          // error nobody listens for.
          const probe = await t.s3.send(new GetObjectCommand({ Bucket: 'filling', Key: [...stored.keys()][0]! }));
          await probe.Body!.transformToByteArray();
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000 },
    );
    for (const [key, sha] of stored) {
      const got = await t.s3.send(new GetObjectCommand({ Bucket: 'filling', Key: key }));
      expect(
        createHash('sha256')
          .update(await got.Body!.transformToByteArray())
          .digest('hex'),
        key,
      ).toBe(sha);
    }
  });
});

async function nodeRecord(h: StreamHarness, t: TestStamp, id: string): Promise<{ full?: boolean } | undefined> {
  const raw = await h.etcd.get(`${t.stamp.info.etcdPrefix}/stream/nodes/${id}`).string();
  return raw ? (JSON.parse(raw) as { full?: boolean }) : undefined;
}
