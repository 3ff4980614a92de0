import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ExtentSpace, StampSpace } from '@strata/partition-layer';
import { strataJson } from './location.js';
import type { PartitionHarness } from './partition-harness.js';
import type { TestStamp } from './test-stamp.js';

const run = promisify(execFile);
export const MiB = 1024 * 1024;

/** What `strata extents --json` prints. */
export interface ExtentsReport {
  streams: { streamId: string; name: string; extents: { extentId: string; sealed: boolean; lengthBytes: number; liveBytes: number | null }[] }[];
  extents: ExtentSpace[];
  stamp: StampSpace & { liveRatioMin: number };
}

export function extentsReport(t: TestStamp): Promise<ExtentsReport> {
  return strataJson<ExtentsReport>(['extents', '--data-dir', t.dataDir]);
}

/** Bytes a directory takes on disk, as `du` counts them. */
export async function duBytes(dir: string): Promise<number> {
  const { stdout } = await run('du', ['-s', '-B1', dir]);
  return Number(stdout.split(/\s/)[0]);
}

export interface NodeSpace {
  nodeId: string;
  /** `du` of the node's data directory (replica files and its metadata store). */
  duBytes: number;
  /** Live bytes of the replicas it holds (as `strata extents` counts them). */
  liveBytes: number;
  ratio: number;
}

/** Each extent node's disk use against the live bytes of the replicas it holds. */
export async function nodeSpace(t: TestStamp, nodeIds: readonly string[]): Promise<NodeSpace[]> {
  const report = await extentsReport(t);
  return Promise.all(
    nodeIds.map(async (nodeId) => {
      const liveBytes = report.extents.filter((e) => e.nodeIds.includes(nodeId)).reduce((sum, e) => sum + (e.liveBytes ?? e.totalBytes), 0);
      const du = await duBytes(join(t.dataDir, 'extent-nodes', nodeId));
      return { nodeId, duBytes: du, liveBytes, ratio: du / Math.max(1, liveBytes) };
    }),
  );
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Runs `work(i)` for i in [0, count) with `concurrency` at once. */
export async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** Unique bytes cheaply: a slice of a shared random pool behind a unique header. */
export class BlobBytes {
  private readonly pool = randomBytes(16 * MiB);
  private counter = 0;

  make(sizeBytes: number): Buffer {
    const body = Buffer.allocUnsafe(sizeBytes);
    const offset = Math.floor(Math.random() * (this.pool.length - sizeBytes));
    this.pool.copy(body, 0, offset, offset + sizeBytes);
    body.write(`${process.pid}:${this.counter++}:${Date.now()}:`.padEnd(Math.min(64, sizeBytes), '.'), 0, 'latin1');
    return body;
  }
}

/** Stores a blob straight through the partition layer (what the front-end does for a PUT, minus HTTP). */
export async function putThroughPartitions(p: PartitionHarness, target: { account: string; container: string; blob: string }, body: Buffer): Promise<void> {
  await p.client.putBlob({
    header: { ...target, properties: {} },
    body: (async function* () {
      yield body;
    })(),
    beforeCommit: async () => ({ contentMd5: createHash('md5').update(body).digest() }),
    expectedBytes: body.length,
  });
}

export async function getBytes(s3: S3Client, bucket: string, key: string): Promise<Buffer> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await got.Body!.transformToByteArray());
}

/** Nearest-rank percentile, ms. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * Foreground traffic for latency: `workers` loops of a GET of a small blob then a PUT of one,
 * until `done` resolves; returns each request's milliseconds.
 */
export async function foregroundLoad(
  s3: S3Client,
  options: { bucket: string; keys: readonly string[]; workers: number; done: Promise<unknown> },
): Promise<number[]> {
  const latencies: number[] = [];
  let stop = false;
  void options.done.finally(() => (stop = true));
  const timed = async (request: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await request();
    latencies.push(performance.now() - started);
  };
  await Promise.all(
    Array.from({ length: options.workers }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const key = options.keys[(w * 7919 + i) % options.keys.length]!;
        await timed(async () => (await s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }))).Body!.transformToByteArray());
        await timed(() => s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: `fg-${w}`, Body: Buffer.alloc(4096, w) })));
      }
    }),
  );
  return latencies;
}

export async function deleteKey(s3: S3Client, bucket: string, key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
