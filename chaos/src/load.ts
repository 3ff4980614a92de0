import type { Clock } from '@strata/common';
import type { History, Op, OpKind } from './history.js';
import { multipartEtagOf, multipartPut, PART_BYTES } from './multipart-put.js';
import { PUT_BYTES_MAX, type PayloadSource, type PutBody } from './payload.js';
import { deleteObject, FrontEndChooser, listObjects, putObject, readObject, type Answer, type FrontEnd } from './s3-ops.js';
import type { S3Transport } from './s3-transport.js';
import { SeededRandom } from './seeded-random.js';

/** Key prefixes (one listing each) and keys under each: few enough for one listing page, many enough that clients rarely collide. */
export const KEY_PREFIXES = 8;
export const KEYS_PER_PREFIX = 96;
/** Keys a client remembers having written, to read and delete them back. */
const RECENT_KEYS_MAX = 32;

/** The operation mix: mostly writes and reads, with deletes and listings. */
const OP_WEIGHTS: readonly { item: OpKind; weight: number }[] = [
  { item: 'put', weight: 35 },
  { item: 'get', weight: 27 },
  { item: 'head', weight: 10 },
  { item: 'delete', weight: 10 },
  { item: 'list', weight: 8 },
];

/** Share of PUTs sent as multipart uploads (two or three parts, the first ones of S3's 5 MiB minimum). */
const MULTIPART_SHARE = 0.08;

/** Object sizes: log-uniform within bands, most small, some up to the 16 MiB maximum. */
const SIZE_BANDS: readonly { item: [number, number]; weight: number }[] = [
  { item: [0, 0], weight: 2 },
  { item: [1, 1024], weight: 8 },
  { item: [1024, 64 * 1024], weight: 40 },
  { item: [64 * 1024, 1024 * 1024], weight: 30 },
  { item: [1024 * 1024, 4 * 1024 * 1024], weight: 15 },
  { item: [4 * 1024 * 1024, PUT_BYTES_MAX], weight: 5 },
];

/**
 * The hot-key reader: one more client that reads a few keys over and over (and now and then
 * overwrites one), as a CDN origin is read, so the front-ends hold leased copies of their
 * records while the nemesis kills and pauses servers. Paced, so its history stays small.
 */
const HOT_KEYS = 2;
const HOT_PAUSE_MS = 40;
const HOT_PUT_SHARE = 0.1;
const HOT_PUT_BYTES = 1024;

export const keyName = (prefix: number, index: number): string => `p${prefix}/k${String(index).padStart(3, '0')}`;
export const prefixName = (prefix: number): string => `p${prefix}/`;

export interface LoadDeps {
  transport: S3Transport;
  frontEnds: readonly FrontEnd[];
  history: History;
  payload: PayloadSource;
  clock: Clock;
  /** The run's time zero on the monotonic clock: history times count from it. */
  originMs: number;
  seed: number;
}

/**
 * Caps the bytes PUT per second over all clients, so a long run stays within the disk and the
 * machine: a PUT waits for its bytes (a 16 MiB one takes a burst of up to two maxima).
 */
class ByteBudget {
  private tokens = PUT_BYTES_MAX;
  private lastMs: number;

  constructor(
    private readonly bytesPerMs: number,
    private readonly clock: Clock,
  ) {
    this.lastMs = clock.monotonicMs();
  }

  async take(bytes: number, signal: AbortSignal): Promise<boolean> {
    for (;;) {
      const now = this.clock.monotonicMs();
      this.tokens = Math.min(2 * PUT_BYTES_MAX, this.tokens + (now - this.lastMs) * this.bytesPerMs);
      this.lastMs = now;
      if (this.tokens >= bytes) {
        this.tokens -= bytes;
        return true;
      }
      if (signal.aborted) return false;
      await this.clock.sleep(Math.min(1_000, (bytes - this.tokens) / this.bytesPerMs + 1), signal).catch(() => undefined);
    }
  }
}

/** Op ids, unique in the run. */
export class OpIds {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

/**
 * Runs `clients` clients, each sending one request at a time, until `stop` aborts; every
 * request and its outcome goes to the history. Clients spread over the front-ends.
 */
export async function runLoad(deps: LoadDeps, options: { clients: number; putBytesPerSecond: number; ids: OpIds; stop: AbortSignal }): Promise<void> {
  const budget = new ByteBudget(options.putBytesPerSecond / 1000, deps.clock);
  await Promise.all([
    ...Array.from({ length: options.clients }, (_, client) => runClient(deps, { client, budget, ids: options.ids, stop: options.stop })),
    runHotClient(deps, { client: options.clients, budget, ids: options.ids, stop: options.stop }),
  ]);
}

/** Reads HOT_KEYS keys of prefix 0 one after another, a pause between, overwriting one in ten times. */
async function runHotClient(deps: LoadDeps, options: { client: number; budget: ByteBudget; ids: OpIds; stop: AbortSignal }): Promise<void> {
  const { client } = options;
  const random = new SeededRandom(deps.seed, 'hot-client');
  const chooser = new FrontEndChooser(deps.frontEnds, client % deps.frontEnds.length, () => deps.clock.monotonicMs());
  let writes = 0;
  while (!options.stop.aborted) {
    const key = keyName(0, random.int(HOT_KEYS));
    if (random.next() < HOT_PUT_SHARE) {
      if (!(await options.budget.take(HOT_PUT_BYTES, options.stop))) break;
      const write = `h${client}-${++writes}`;
      await execute(deps, { id: options.ids.take(), client, kind: 'put', key }, { write, body: deps.payload.body(write, HOT_PUT_BYTES) }, chooser);
    } else {
      await execute(deps, { id: options.ids.take(), client, kind: 'get', key }, {}, chooser);
    }
    // Aborted with the run: the loop then ends at its condition.
    await deps.clock.sleep(HOT_PAUSE_MS, options.stop).catch(() => undefined);
  }
}

async function runClient(deps: LoadDeps, options: { client: number; budget: ByteBudget; ids: OpIds; stop: AbortSignal }): Promise<void> {
  const { client } = options;
  const random = new SeededRandom(deps.seed, `client-${client}`);
  const chooser = new FrontEndChooser(deps.frontEnds, client % deps.frontEnds.length, () => deps.clock.monotonicMs());
  const recent: string[] = [];
  let writes = 0;
  const anyKey = (): string => keyName(random.int(KEY_PREFIXES), random.int(KEYS_PER_PREFIX));
  const someKey = (): string => (recent.length > 0 && random.next() < 0.6 ? recent[random.int(recent.length)]! : anyKey());
  while (!options.stop.aborted) {
    const kind = random.weighted(OP_WEIGHTS);
    if (kind === 'put') {
      const key = anyKey();
      const multipart = random.next() < MULTIPART_SHARE;
      const sizeBytes = multipart ? PART_BYTES + 1 + random.int(PUT_BYTES_MAX - PART_BYTES - 1) : sizeFrom(random);
      if (!(await options.budget.take(sizeBytes, options.stop))) break;
      const write = `w${client}-${++writes}`;
      await execute(deps, { id: options.ids.take(), client, kind, key }, { write, body: deps.payload.body(write, sizeBytes), multipart }, chooser);
      recent.push(key);
      if (recent.length > RECENT_KEYS_MAX) recent.shift();
    } else if (kind === 'delete') {
      await execute(deps, { id: options.ids.take(), client, kind, key: someKey() }, { write: `d${client}-${++writes}` }, chooser);
    } else if (kind === 'list') {
      await execute(deps, { id: options.ids.take(), client, kind, key: prefixName(random.int(KEY_PREFIXES)) }, {}, chooser);
    } else {
      await execute(deps, { id: options.ids.take(), client, kind, key: someKey() }, {}, chooser);
    }
  }
}

function sizeFrom(random: SeededRandom): number {
  const [low, high] = random.weighted(SIZE_BANDS);
  if (high <= low) return low;
  return Math.min(high, Math.floor(Math.exp(Math.log(Math.max(1, low)) + random.next() * (Math.log(high) - Math.log(Math.max(1, low))))));
}

/**
 * Sends one operation through `chooser` and records it. Also the read-back after convergence
 * uses it (with `final`).
 */
export async function execute(
  deps: Pick<LoadDeps, 'transport' | 'history' | 'clock' | 'originMs'>,
  op: { id: number; client: number; kind: OpKind; key: string; final?: boolean },
  extra: { write?: string; body?: PutBody; multipart?: boolean },
  chooser: FrontEndChooser,
): Promise<Op> {
  const multipart = extra.multipart && extra.body ? await multipartEtagOf(extra.body) : undefined;
  const invokeMs = deps.clock.monotonicMs() - deps.originMs;
  const answer = await chooser.send((frontEnd, signal) => {
    switch (op.kind) {
      case 'put':
        return (extra.multipart ? multipartPut : putObject)(deps.transport, frontEnd, signal, { key: op.key, write: extra.write!, body: extra.body! });
      case 'delete':
        return deleteObject(deps.transport, frontEnd, signal, op.key);
      case 'list':
        return listObjects(deps.transport, frontEnd, signal, op.key);
      default:
        return readObject(deps.transport, frontEnd, signal, { key: op.key, method: op.kind === 'get' ? 'GET' : 'HEAD' });
    }
  });
  const completeMs = deps.clock.monotonicMs() - deps.originMs;
  const record = toOp(
    op,
    answer,
    { invokeMs, completeMs },
    { ...(extra.write !== undefined ? { write: extra.write } : {}), ...(extra.body ? { body: extra.body } : {}), ...(multipart ? { multipart } : {}) },
  );
  deps.history.record(record);
  return record;
}

function toOp(
  op: { id: number; client: number; kind: OpKind; key: string; final?: boolean },
  answer: Answer,
  times: { invokeMs: number; completeMs: number },
  extra: { write?: string; body?: PutBody; multipart?: { etag: string; parts: number } },
): Op {
  const { frontEnd, outcome, ...rest } = answer;
  const base = { type: 'op' as const, id: op.id, client: op.client, frontEnd, key: op.key, ...times, outcome, ...(op.final ? { final: true } : {}) };
  if (op.kind === 'put') {
    const body = extra.body!;
    // A multipart object's ETag is not its MD5; the client knows it from its parts either way.
    return {
      ...base,
      kind: 'put',
      write: extra.write!,
      sizeBytes: body.sizeBytes,
      sha256: body.sha256,
      ...(extra.multipart ?? { etag: body.md5 }),
      ...pickDefined({ status: rest.status, error: rest.error }),
    };
  }
  if (op.kind === 'delete') return { ...base, kind: 'delete', write: extra.write!, ...pickDefined({ status: rest.status, error: rest.error }) };
  if (op.kind === 'list')
    return { ...base, kind: 'list', ...pickDefined({ status: rest.status, error: rest.error, listed: rest.listed, truncated: rest.truncated }) };
  return { ...base, kind: op.kind, ...pickDefined(rest) };
}

function pickDefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
