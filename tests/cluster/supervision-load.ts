import { waitFor } from '@strata/common/testing';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { pause } from '../helpers/pause.js';

/** The bytes stored under `key`: made from the key, so that nothing needs keeping to check a read. */
export function bodyOf(key: string, sizeBytes: number): Buffer {
  return Buffer.alloc(sizeBytes, `${key};`);
}

/** Reads `key` and says whether it holds what `bodyOf` made, failing after `timeoutMs`. */
export async function readsBack(s3: S3Client, bucket: string, key: string, sizeBytes: number, timeoutMs: number): Promise<boolean> {
  const reply = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: AbortSignal.timeout(timeoutMs) });
  const bytes = Buffer.from(await reply.Body!.transformToByteArray());
  return bytes.equals(bodyOf(key, sizeBytes));
}

/**
 * PUTs and GETs from a few clients, as users would while processes die: each client PUTs a
 * new key, then GETs a key acknowledged before. Acknowledged keys are kept (to check none is
 * lost), and the time of every acknowledgement (to see how long writes stalled). Key names
 * start with 8 hex digits spread evenly, so every partition of a split key space gets writes.
 */
export class S3Load {
  /** Every acknowledged PUT: key → size. */
  readonly acked = new Map<string, number>();
  /** When each PUT was acknowledged (performance.now()). */
  readonly putAckTimes: number[] = [];
  putFailures = 0;
  getFailures = 0;
  /** GETs that answered with bytes other than those acknowledged: must stay 0. */
  wrongReads = 0;
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  start(clients: number): void {
    this.running = true;
    this.workers = Array.from({ length: clients }, (_, client) => this.run(client));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** The name of the `seq`th key of `client`. */
  static keyOf(client: number, seq: number): string {
    const spread = (Math.imul(seq * 8 + client, 2_654_435_761) >>> 0).toString(16).padStart(8, '0');
    return `${spread}-${client}-${seq}`;
  }

  /** The longest time between `fromMs` and `toMs` in which no PUT was acknowledged. */
  longestWriteGapMs(fromMs: number, toMs: number): number {
    const acks = this.putAckTimes.filter((at) => at > fromMs && at <= toMs).sort((a, b) => a - b);
    let longest = 0;
    let previous = fromMs;
    for (const at of [...acks, toMs]) {
      longest = Math.max(longest, at - previous);
      previous = at;
    }
    return longest;
  }

  /** PUTs `key` (bytes made by `bodyOf`) and keeps it as acknowledged once the stamp says so. */
  async putOne(key: string, sizeBytes: number): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bodyOf(key, sizeBytes) }), { abortSignal: AbortSignal.timeout(15_000) });
    this.acked.set(key, sizeBytes);
    this.putAckTimes.push(performance.now());
  }

  private async run(client: number): Promise<void> {
    for (let seq = 0; this.running; seq++) {
      const key = S3Load.keyOf(client, seq);
      const sizeBytes = 512 + ((seq * 7919) % 16_384);
      await this.putOne(key, sizeBytes).catch(() => this.putFailures++);
      const keys = [...this.acked.keys()];
      const sample = keys[(seq * 31 + client) % Math.max(1, keys.length)];
      if (sample !== undefined) {
        try {
          if (!(await readsBack(this.s3, this.bucket, sample, this.acked.get(sample)!, 15_000))) this.wrongReads++;
        } catch {
          this.getFailures++;
        }
      }
      // Paced: a few operations a second keep every process busy on a shared 2-core machine
      // without growing the key set past what a full read pass checks in a second or two.
      await pause(150);
    }
  }
}

/**
 * Reads every key in `keys` (concurrently, each retried until `timeoutMs` runs out) and
 * returns those that never read back intact.
 */
export async function unreadable(s3: S3Client, bucket: string, keys: ReadonlyMap<string, number>, timeoutMs: number): Promise<string[]> {
  const deadline = performance.now() + timeoutMs;
  const queue = [...keys];
  const failed: string[] = [];
  const worker = async (): Promise<void> => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [key, sizeBytes] = next;
      let ok = false;
      while (!ok && performance.now() < deadline) {
        ok = await readsBack(s3, bucket, key, sizeBytes, 5_000).catch(() => false);
        if (!ok) await pause(200);
      }
      if (!ok) failed.push(key);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return failed;
}

/**
 * How long reads were out after a failure at `fromMs`: GETs one key of each partition
 * (`canaries`) every 100 ms until `settled()` holds (the process is back) and three rounds in
 * a row read every canary. The result is the end of the last round in which a read failed
 * (0 when none did), from `fromMs`.
 */
export async function readOutageMs(
  s3: S3Client,
  bucket: string,
  options: { canaries: ReadonlyMap<string, number>; fromMs: number; settled: () => boolean; timeoutMs: number },
): Promise<number> {
  let lastFailureMs = 0;
  let goodRounds = 0;
  await waitFor(
    'reads of every partition to work again',
    async () => {
      const results = await Promise.all([...options.canaries].map(([key, size]) => readsBack(s3, bucket, key, size, 2_000).catch(() => false)));
      if (results.every(Boolean)) goodRounds++;
      else {
        goodRounds = 0;
        lastFailureMs = performance.now() - options.fromMs;
      }
      return goodRounds >= 3 && options.settled();
    },
    { timeoutMs: options.timeoutMs },
  );
  return lastFailureMs;
}
