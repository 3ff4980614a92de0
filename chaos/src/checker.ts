import type { HistoryEntry, Op, PutOp } from './history.js';

/**
 * What the checker flags:
 * - `lost`: a read found nothing where an acknowledged PUT must be visible;
 * - `corrupt`: a read returned bytes (or an ETag) that no PUT of that key wrote;
 * - `stale`: a read returned a value older than one acknowledged before the read began;
 * - `resurrected`: a read or listing showed a value an acknowledged DELETE had removed;
 * - `list-missing`: a listing lacked a key acknowledged before the listing began;
 * - `unreadable`: every read-back of a key after convergence failed.
 */
export const ANOMALY_KINDS = ['lost', 'corrupt', 'stale', 'resurrected', 'list-missing', 'unreadable'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface Anomaly {
  kind: AnomalyKind;
  key: string;
  /** The read or listing that saw it. */
  op: number;
  detail: string;
}

export interface CheckResult {
  counts: Record<AnomalyKind, number>;
  /** The first anomalies of each kind, for the report. */
  anomalies: Anomaly[];
  /** Reads and listed keys the checker judged (each a linearizability check). */
  observations: number;
}

/** Anomalies of one kind kept with their details; the rest are only counted. */
const DETAILS_PER_KIND_MAX = 20;

/** A write as the checker sees it: when it may have taken effect, and what it wrote. */
interface Write {
  id: string;
  kind: 'put' | 'delete';
  invokeMs: number;
  /**
   * By when it certainly had taken effect: its acknowledgement, or the end of the first read
   * that saw it; infinite for an unknown outcome nobody saw (it may land at any later time).
   */
  effectiveMs: number;
  put?: PutOp;
}

/** What a read saw of one key: nothing, or a value named by write id, SHA-256 or ETag. */
interface Observation {
  op: Op;
  key: string;
  absent: boolean;
  write?: string;
  sha256?: string;
  etag?: string;
  sizeBytes?: number;
  source: 'read' | 'list';
}

/**
 * Checks a history against a per-key register model. Every value is unique (each PUT writes
 * bytes of its own and names itself in metadata), so a read identifies the write it saw, and
 * the check needs only real-time order: a read must not return a write that a write in effect
 * before the read began had superseded, and must not find nothing when a PUT was in effect
 * before it with no DELETE that could fall in between. A write is in effect once acknowledged
 * or once a read saw it; one with an unknown outcome may take effect at any time after it was
 * sent; a failed one never. Sound: a flagged anomaly is a real violation (of linearizability
 * per key); a clean result means no violation of these forms.
 */
export function checkHistory(entries: readonly HistoryEntry[]): CheckResult {
  const ops = entries.filter((entry): entry is Op => entry.type === 'op');
  const { writes, failed } = writesByKey(ops);
  boundByObservations(ops, writes);
  const result: CheckResult = {
    counts: Object.fromEntries(ANOMALY_KINDS.map((kind) => [kind, 0])) as Record<AnomalyKind, number>,
    anomalies: [],
    observations: 0,
  };
  const flag = (anomaly: Anomaly): void => {
    result.counts[anomaly.kind]++;
    if (result.anomalies.filter((a) => a.kind === anomaly.kind).length < DETAILS_PER_KIND_MAX) result.anomalies.push(anomaly);
  };
  const readBack = new Map<string, Op[]>();
  for (const op of ops) if (op.final && op.kind === 'get') readBack.set(op.key, [...(readBack.get(op.key) ?? []), op]);
  for (const [key, reads] of readBack) {
    if (reads.every((op) => op.outcome !== 'ok'))
      flag({
        kind: 'unreadable',
        key,
        op: reads.at(-1)!.id,
        detail: `every read-back after convergence failed (${reads.length}), the last: ${reads.at(-1)!.error ?? reads.at(-1)!.status}`,
      });
  }
  for (const observation of observations(ops, writes)) {
    result.observations++;
    const found = judge(observation, writes.get(observation.key) ?? [], failed);
    if (found) flag({ ...found, key: observation.key, op: observation.op.id });
  }
  return result;
}

function writesByKey(ops: readonly Op[]): { writes: Map<string, Write[]>; failed: Set<string> } {
  const writes = new Map<string, Write[]>();
  const failed = new Set<string>();
  for (const op of ops) {
    if (op.kind !== 'put' && op.kind !== 'delete') continue;
    if (op.outcome === 'fail') {
      failed.add(op.write);
      continue;
    }
    const effectiveMs = op.outcome === 'ok' ? op.completeMs : Number.POSITIVE_INFINITY;
    const write: Write = { id: op.write, kind: op.kind, invokeMs: op.invokeMs, effectiveMs, ...(op.kind === 'put' ? { put: op } : {}) };
    const list = writes.get(op.key) ?? [];
    list.push(write);
    writes.set(op.key, list);
  }
  return { writes, failed };
}

/**
 * A write of unknown outcome that a read saw had taken effect by the time that read ended:
 * from then on it orders like an acknowledged one (a later read must not see what it replaced).
 */
function boundByObservations(ops: readonly Op[], writes: ReadonlyMap<string, Write[]>): void {
  const byId = new Map([...writes.values()].flat().map((write) => [write.id, write]));
  for (const op of ops) {
    if ((op.kind !== 'get' && op.kind !== 'head') || op.outcome !== 'ok' || !op.found || op.write === undefined) continue;
    const write = byId.get(op.write);
    if (write && write.invokeMs <= op.completeMs) write.effectiveMs = Math.min(write.effectiveMs, op.completeMs);
  }
}

/** Every successful read, and every key a successful listing covers (listed or not). */
function* observations(ops: readonly Op[], writes: ReadonlyMap<string, Write[]>): Generator<Observation> {
  for (const op of ops) {
    if (op.outcome !== 'ok') continue;
    if (op.kind === 'get' || op.kind === 'head') {
      if (!op.found) yield { op, key: op.key, absent: true, source: 'read' };
      else yield { op, key: op.key, absent: false, source: 'read', ...pick(op, ['write', 'sha256', 'etag', 'sizeBytes']) };
    } else if (op.kind === 'list') {
      const listed = new Map((op.listed ?? []).map((entry) => [entry.key, entry.etag]));
      const last = op.listed?.at(-1)?.key;
      const covered = (key: string): boolean => key.startsWith(op.key) && (!op.truncated || (last !== undefined && key <= last));
      const keys = new Set([...listed.keys(), ...[...writes.keys()].filter(covered)]);
      for (const key of keys) {
        const etag = listed.get(key);
        yield etag === undefined ? { op, key, absent: true, source: 'list' } : { op, key, absent: false, etag, source: 'list' };
      }
    }
  }
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]])) as Partial<Pick<T, K>>;
}

/** The anomaly `seen` shows against the key's writes, if any. */
function judge(seen: Observation, writes: readonly Write[], failed: ReadonlySet<string>): Pick<Anomaly, 'kind' | 'detail'> | undefined {
  return seen.absent ? judgeAbsent(seen, writes) : judgeValue(seen, writes, failed);
}

/** Nothing was seen: wrong if an acknowledged PUT preceded the read and no DELETE can fall between them. */
function judgeAbsent(seen: Observation, writes: readonly Write[]): Pick<Anomaly, 'kind' | 'detail'> | undefined {
  const { invokeMs, completeMs } = seen.op;
  for (const put of writes) {
    if (put.kind !== 'put' || put.effectiveMs >= invokeMs) continue;
    const deletable = writes.some((d) => d.kind === 'delete' && d.effectiveMs > put.invokeMs && d.invokeMs < completeMs);
    if (!deletable) {
      const what = seen.source === 'list' ? 'the listing lacks the key' : 'the read found nothing';
      return {
        kind: seen.source === 'list' ? 'list-missing' : 'lost',
        detail: `${what}, but PUT ${put.id} had taken effect by ${ms(put.effectiveMs)}, before it began at ${ms(invokeMs)}`,
      };
    }
  }
  return undefined;
}

/** A value was seen: it must be a write of this key, byte for byte, that nothing acknowledged had superseded. */
function judgeValue(seen: Observation, writes: readonly Write[], failed: ReadonlySet<string>): Pick<Anomaly, 'kind' | 'detail'> | undefined {
  const puts = writes.filter((w) => w.kind === 'put');
  const candidates =
    seen.write !== undefined
      ? puts.filter((w) => w.id === seen.write)
      : puts.filter((w) => (seen.sha256 === undefined || w.put!.sha256 === seen.sha256) && (seen.etag === undefined || w.put!.etag === seen.etag));
  const what = seen.write ?? seen.sha256 ?? seen.etag ?? '?';
  if (candidates.length === 0) {
    return {
      kind: 'corrupt',
      detail: seen.write !== undefined && failed.has(seen.write) ? `returned ${what}, a PUT that failed` : `returned ${what}, which no PUT of this key wrote`,
    };
  }
  if (seen.write !== undefined) {
    const put = candidates[0]!.put!;
    const wrong =
      seen.sha256 !== undefined && seen.sha256 !== put.sha256
        ? 'SHA-256'
        : seen.etag !== undefined && seen.etag !== put.etag
          ? 'ETag'
          : seen.sizeBytes !== undefined && seen.sizeBytes !== put.sizeBytes
            ? 'size'
            : undefined;
    if (wrong) return { kind: 'corrupt', detail: `returned ${what} with a ${wrong} other than the one written` };
  }
  let supersededBy: Write | undefined;
  for (const candidate of candidates) {
    if (candidate.invokeMs > seen.op.completeMs) continue; // a write sent after the read ended cannot be what it saw
    const later = writes.find((x) => x !== candidate && candidate.effectiveMs < x.invokeMs && x.effectiveMs < seen.op.invokeMs);
    if (!later) return undefined;
    supersededBy ??= later;
  }
  if (!supersededBy) return { kind: 'stale', detail: `returned ${what}, sent only after the read had ended` };
  const by = `${supersededBy.kind.toUpperCase()} ${supersededBy.id}, in effect by ${ms(supersededBy.effectiveMs)}, before the read began at ${ms(seen.op.invokeMs)}`;
  return supersededBy.kind === 'delete'
    ? { kind: 'resurrected', detail: `returned ${what}, deleted by ${by}` }
    : { kind: 'stale', detail: `returned ${what}, overwritten by ${by}` };
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;
