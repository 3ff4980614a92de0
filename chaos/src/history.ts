import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * What a client learnt from one request: `ok` (the answer says what happened), `fail` (it
 * certainly did not happen: a 4xx, or no connection was made) or `unknown` (a 5xx, a timeout, a
 * connection lost after sending: the write may have taken effect, now or later).
 */
export type Outcome = 'ok' | 'fail' | 'unknown';

export type OpKind = 'put' | 'get' | 'head' | 'delete' | 'list';

interface OpBase {
  type: 'op';
  /** Unique in the run, in invocation order per client. */
  id: number;
  client: number;
  /** The front-end that answered (or was tried last). */
  frontEnd: string;
  kind: OpKind;
  /** The object key; for a listing, its prefix. */
  key: string;
  /** Milliseconds since the run began, on the monotonic clock: when the request was sent... */
  invokeMs: number;
  /** ...and when its answer was fully read (or the client gave up). */
  completeMs: number;
  outcome: Outcome;
  status?: number;
  error?: string;
  /** Issued after the nemesis stopped and the stamp converged: the read-back of every key. */
  final?: boolean;
}

/** A PUT (plain or multipart): `write` names the value, which the object carries as metadata. */
export interface PutOp extends OpBase {
  kind: 'put';
  write: string;
  sizeBytes: number;
  sha256: string;
  /** The ETag S3 answers for it: the MD5 of the bytes, or the multipart form. */
  etag: string;
  parts?: number;
}

export interface DeleteOp extends OpBase {
  kind: 'delete';
  write: string;
}

/** A GET or HEAD: `found` false is a 404; otherwise what came back. */
export interface ReadOp extends OpBase {
  kind: 'get' | 'head';
  found?: boolean;
  /** The write the object's metadata names. */
  write?: string;
  /** GET only: the SHA-256 of the body received. */
  sha256?: string;
  etag?: string;
  sizeBytes?: number;
}

/** One ListObjectsV2 page over a prefix. */
export interface ListOp extends OpBase {
  kind: 'list';
  listed?: { key: string; etag: string }[];
  /** Truncated pages cover only the keys up to the last one listed. */
  truncated?: boolean;
}

export type Op = PutOp | DeleteOp | ReadOp | ListOp;

/** A fault the nemesis injected or healed, or something the harness saw happen (a crash). */
export interface NemesisEvent {
  type: 'nemesis';
  atMs: number;
  action: string;
  target: string;
  detail?: string;
}

/** The start of a phase of the run: its requests are told apart by these marks. */
export interface PhaseMark {
  type: 'phase';
  atMs: number;
  phase: 'prefill' | 'load' | 'heal' | 'read-back';
}

export type HistoryEntry = Op | NemesisEvent | PhaseMark;

/**
 * The run's history: every request and its outcome, every fault, in completion order, as JSON
 * lines in a file (so a run can be checked again later) and in memory (for the checker).
 */
export class History {
  readonly entries: HistoryEntry[] = [];
  private readonly out: WriteStream | undefined;

  constructor(path?: string) {
    this.out = path ? createWriteStream(path, { flags: 'w' }) : undefined;
  }

  record(entry: HistoryEntry): void {
    this.entries.push(entry);
    this.out?.write(`${JSON.stringify(entry)}\n`);
  }

  ops(): Op[] {
    return this.entries.filter((entry): entry is Op => entry.type === 'op');
  }

  events(): NemesisEvent[] {
    return this.entries.filter((entry): entry is NemesisEvent => entry.type === 'nemesis');
  }

  phases(): PhaseMark[] {
    return this.entries.filter((entry): entry is PhaseMark => entry.type === 'phase');
  }

  async close(): Promise<void> {
    const out = this.out;
    if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** A history written by an earlier run (`npm run chaos -- --check FILE`). */
export async function readHistory(path: string): Promise<HistoryEntry[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as HistoryEntry;
      } catch {
        throw new Error(`${path}:${index + 1}: not a JSON line`);
      }
    });
}
