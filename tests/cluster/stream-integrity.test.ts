import { waitFor } from '@strata/common/testing';
import { open, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamWriter } from '@strata/stream-layer';
import { logLines, StreamHarness, type AckedAppend } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { processAlive } from '../helpers/process-alive.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const BLOCK = 64 * KiB;

/** Never a bad byte: checksums on every read and in the background, and recovery from torn files. */
describe('stream layer: integrity and restart recovery', () => {
  let t: TestStamp;
  let h: StreamHarness;

  beforeAll(async () => {
    t = await startTestStamp({
      extentNodes: 4,
      env: { STRATA_REPAIR_INTERVAL_MS: '300', STRATA_GARBAGE_GRACE_MS: '5000', STRATA_SCRUB_INTERVAL_MS: '500', STRATA_SCRUB_MIB_PER_SECOND: '1024' },
    });
    h = new StreamHarness(t.stamp);
  });
  afterAll(async () => {
    h?.close();
    await t?.destroy();
  });

  const replicaPath = (nodeId: string, extentId: string): string => join(t.dataDir, 'extent-nodes', nodeId, 'extents', `${extentId}.extent`);

  async function writeSome(writer: StreamWriter, appends: number): Promise<AckedAppend[]> {
    const acked: AckedAppend[] = [];
    const failed = { count: 0 };
    await h.writeUntil(writer, { blockBytes: BLOCK, inFlight: 8, stop: () => acked.length + failed.count >= appends, acked, failed });
    expect(failed.count).toBe(0);
    return acked;
  }

  async function flipByte(path: string, offset: number): Promise<void> {
    const file = await open(path, 'r+');
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, offset);
    byte[0]! ^= 0xff;
    await file.write(byte, 0, 1, offset);
    await file.close();
  }

  it('serves the right bytes from another replica when one has a flipped byte, then replaces that replica', async () => {
    const writer = await h.openStream('test/flipped-read', 1 * MiB);
    const acked = await writeSome(writer, 48);
    await writer.close();
    const target = acked[0]!;
    const extent = await h.manager.getExtent(target.pointer.extentId!);
    expect(extent.sealed).toBe(true);
    const bad = extent.replicas[1]!;
    await flipByte(replicaPath(bad.nodeId, extent.extentId), Number(target.pointer.offset) + 16 + 100);
    // Ask the damaged replica first: the reader must not return its bytes.
    const ordered = { ...extent, replicas: [bad, ...extent.replicas.filter((r) => r !== bad)] };
    let bytes = Buffer.alloc(0);
    for await (const block of h.reader.readRange({ extent: ordered, offset: Number(target.pointer.offset), lengthBytes: 16 + BLOCK }))
      bytes = Buffer.concat([bytes, ...block.parts]);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(target.sha256);
    await waitFor('the damaged replica replaced', async () => !(await h.manager.getExtent(extent.extentId)).replicas.some((r) => r.nodeId === bad.nodeId), {
      timeoutMs: 60_000,
    });
    await waitFor('full replica count', () => h.fullyReplicated(writer.streamIdentifier, 3), { timeoutMs: 60_000 });
    expect(await h.verifyEverywhere(acked)).toBe(acked.length * 3);
  });

  it('finds a flipped byte by scrubbing, reports the replica and re-copies it', async () => {
    const writer = await h.openStream('test/flipped-scrub', 1 * MiB);
    const acked = await writeSome(writer, 48);
    await writer.close();
    const target = acked.at(-20)!;
    const extent = await h.manager.getExtent(target.pointer.extentId!);
    expect(extent.sealed).toBe(true);
    const bad = extent.replicas[2]!;
    const damagedAt = Date.now();
    await flipByte(replicaPath(bad.nodeId, extent.extentId), Number(target.pointer.offset) + 16 + 7);
    await waitFor(
      'the scrubber to find the damage',
      async () => (await logLines(t.stamp, bad.nodeId, 'scrub found a corrupt replica')).some((l) => l.extentId === extent.extentId),
      { timeoutMs: 30_000 },
    );
    await waitFor('the damaged replica replaced', async () => !(await h.manager.getExtent(extent.extentId)).replicas.some((r) => r.nodeId === bad.nodeId), {
      timeoutMs: 60_000,
    });
    await waitFor('full replica count', () => h.fullyReplicated(writer.streamIdentifier, 3), { timeoutMs: 60_000 });
    expect(await h.verifyEverywhere(acked)).toBe(acked.length * 3);
    const passes = (await Promise.all(['en-1', 'en-2', 'en-3', 'en-4'].map((id) => logLines(t.stamp, id, 'scrub pass done')))).flat();
    const big = passes.filter((p) => Number(p.bytes) >= 2 * MiB);
    const rate = Math.max(...big.map((p) => Number(p.mibPerSecond)));
    process.stdout.write(
      `scrub: damage found and replaced in ${Date.now() - damagedAt}ms; best scrub pass ${rate} MiB/s over ${big.length} passes of >=2 MiB\n`,
    );
  });

  /** Opens streams until one's current extent has `nodeId` in its chain. */
  async function streamThrough(nodeId: string, name: string): Promise<StreamWriter> {
    for (let i = 0; i < 30; i++) {
      const writer = await h.openStream(`${name}-${i}`, 8 * MiB);
      if (writer.currentExtent.replicas.some((r) => r.nodeId === nodeId)) return writer;
      await writer.close();
    }
    throw new Error(`no stream placed on ${nodeId}`);
  }

  it('recovers a node killed between a block write and its fdatasync, and it rejoins', async () => {
    const victim = 'en-3';
    await t.stamp.restart(victim, ['--failpoints', 'extentNode.beforeSync=crash']);
    const writer = await streamThrough(victim, 'test/crash-before-sync');
    const acked = await writeSome(writer, 40);
    await writer.close();
    // The failpoint killed the node at its first write; the writer sealed and went on.
    await waitFor(
      'the crash',
      async () => (await logLines(t.stamp, victim, 'role ready')).length >= 2 && !t.stamp.processes().some((p) => p.id === victim && processAlive(p.pid)),
      { timeoutMs: 30_000 },
    );
    await t.stamp.restart(victim);
    await waitFor('the node to reopen its store', async () => (await logLines(t.stamp, victim, 'extent store opened')).length >= 3, { timeoutMs: 30_000 });
    await waitFor('full replica count', () => h.fullyReplicated(writer.streamIdentifier, 3), { timeoutMs: 60_000 });
    expect(await h.verifyEverywhere(acked)).toBe(acked.length * 3);
  });

  it('cuts a torn tail when a node restarts with a file cut in the middle of a block, and rejoins', async () => {
    const victim = 'en-2';
    const writer = await streamThrough(victim, 'test/torn-tail');
    const acked = await writeSome(writer, 30);
    const open = writer.currentExtent;
    await t.stamp.kill(victim);
    const path = replicaPath(victim, open.extentId);
    const size = (await stat(path)).size;
    expect(size).toBeGreaterThan(2 * (16 + BLOCK));
    await truncate(path, size - 16 - BLOCK / 2);
    acked.push(...(await writeSome(writer, 20)));
    await writer.close();
    await t.stamp.restart(victim);
    const opened = (await logLines(t.stamp, victim, 'extent store opened')).at(-1);
    expect(opened).toBeDefined();
    // Every append here is one block: after the cut, the file ends on a block boundary.
    const after = (await stat(path).catch(() => ({ size: 0 }))).size;
    expect(after % (16 + BLOCK)).toBe(0);
    expect(after).toBeLessThan(size);
    await waitFor('full replica count', () => h.fullyReplicated(writer.streamIdentifier, 3), { timeoutMs: 60_000 });
    expect(await h.verifyEverywhere(acked)).toBe(acked.length * 3);
  });
});
