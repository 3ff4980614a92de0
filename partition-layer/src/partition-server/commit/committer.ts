import { assert, ignoreError, rethrowIfAssertion } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import type { CommitLog } from './commit-log.js';
import type { IndexStore, RangeOptions } from './index-store.js';

/** What a mutation's precondition reads: the index plus every record logged but not yet applied. */
export interface IndexView {
  get(key: Buffer): Promise<Buffer | undefined>;
  /** Whether the container whose record key this is exists, from memory (IndexStore.hasContainer): no read. */
  hasContainer(key: Buffer): boolean;
  /** Whether any key in the range (that `accept` takes, if given) holds a value. */
  any(range: RangeOptions & { lt: Buffer }, accept?: (key: Buffer) => boolean): Promise<boolean>;
  /** The first key in the range that holds a value, with its value (a blob's newest noncurrent version). */
  first(range: RangeOptions & { lt: Buffer }): Promise<[Buffer, Buffer] | undefined>;
}

/** What `commit`'s `prepare` returns: the mutations of one record (none is fine) and the caller's result. */
export interface Prepared<Result> {
  mutations: partitionV1.IndexMutation[];
  result: Result;
}

interface Overlaid {
  value: Buffer | undefined;
  sequence: number;
}

/** A record made and not yet applied: what a group apply needs to know of it. */
interface Unapplied {
  mutations: partitionV1.IndexMutation[];
  /** Whether it deletes a range: such a record is applied alone (its deletes read the index). */
  deletesRange: boolean;
  /** Set once its log append succeeded: the extent it landed in. */
  logExtentId?: string;
}

/** Records applied in one write of the index at most (one log block's worth, and then some). */
const APPLY_GROUP_RECORDS_MAX = 256;

/** A range delete logged but not yet applied. */
interface PendingRange {
  gte: Buffer;
  lt: Buffer;
  sequence: number;
}

/**
 * Turns a partition's mutations into commit-log records and applies them to its index.
 *
 * Invariants (asserted): sequence numbers grow by one per record, when a record is made and
 * when it is applied; records are applied in sequence order, each only after it is durable in
 * the log; the applied sequence only grows. A caller's promise resolves only after its record
 * is applied, so any read that starts afterwards sees it (read-after-write). A mutation's
 * precondition is checked under the partition's lock against the index and the records in
 * flight, so conditional mutations are atomic per partition while log appends of consecutive
 * records still overlap. Consecutive records whose appends have all succeeded (a group commit's
 * block) are applied in one write of the index, in sequence order, so a later record's write of
 * a key wins as it would one at a time.
 */
export class Committer {
  private lock: Promise<void> = Promise.resolve();
  private applyChain: Promise<void> = Promise.resolve();
  private readonly overlay = new Map<string, Overlaid>();
  private readonly deletedRanges = new Set<PendingRange>();
  /** Records made and not applied yet, by sequence (a Map iterates in the order they were made). */
  private readonly unapplied = new Map<number, Unapplied>();
  /** The sequence of the last record made (logged or being logged). */
  private lastMadeSequence: number;
  private lastAppliedSequence: number;
  private failure: Error | undefined;
  private quiesced = false;
  /** The log extent of the last applied record: every later record is in it or after it. */
  private lastAppliedLogExtentId: string;
  private recordsSinceSnapshot = 0;

  /**
   * `onFailure` runs once if a record cannot be logged or applied: whether it reached the
   * log is then unknown, so the partition must be reloaded from its streams before it serves
   * again; until then every commit fails with UNAVAILABLE.
   */
  constructor(
    private readonly index: IndexStore,
    private readonly log: CommitLog,
    lastSequence: number,
    private readonly onFailure: (error: Error) => void = () => undefined,
    resumeLogExtentId = '',
  ) {
    assert(Number.isSafeInteger(lastSequence) && lastSequence >= 0, `a committer starts after a sequence number, not ${lastSequence}`);
    this.lastMadeSequence = lastSequence;
    this.lastAppliedSequence = lastSequence;
    this.lastAppliedLogExtentId = resumeLogExtentId;
  }

  /**
   * A consistent view of the applied index for a checkpoint: taken in the apply order, so
   * it holds exactly the records up to `sequence`; `logExtentId` is where a replay after it
   * must begin.
   */
  snapshot<T>(take: () => T): Promise<{ sequence: number; logExtentId: string; taken: T }> {
    const run = async (): Promise<{ sequence: number; logExtentId: string; taken: T }> => {
      this.recordsSinceSnapshot = 0;
      return { sequence: this.lastAppliedSequence, logExtentId: this.lastAppliedLogExtentId, taken: take() };
    };
    // The chain rejects only with an assertion failure (ignoreError passes those on).
    const result = this.applyChain.then(run);
    // The caller gets the snapshot's own error; the chain only orders what comes after it.
    this.applyChain = result.then(() => undefined, ignoreError);
    return result;
  }

  /**
   * Runs `take` under the partition's lock once every mutation accepted so far is applied, so
   * it sees exactly the records up to `sequence`, and no mutation is prepared while it runs
   * (space reclamation marks extents as releasing and snapshots the index this way).
   */
  barrier<T>(take: () => T): Promise<{ sequence: number; taken: T }> {
    const turn = this.lock.then(async () => {
      await this.applyChain;
      return { sequence: this.lastAppliedSequence, taken: take() };
    });
    // The caller gets the error; the lock only orders what comes after it.
    this.lock = turn.then(() => undefined, ignoreError);
    return turn;
  }

  /**
   * Quiesces the partition's index (the partition layer's word; the stream layer "freezes" a
   * replica before a seal, which is another thing): stops taking mutations (they fail with
   * PARTITION_LOADING, which callers retry) and resolves once every accepted one is applied,
   * so the state is final for a split or merge. `unquiesce` undoes it when the operation
   * gives up.
   */
  async quiesce(): Promise<void> {
    this.quiesced = true;
    await this.lock;
    await this.applyChain;
  }

  unquiesce(): void {
    this.quiesced = false;
  }

  /** Records applied since the last snapshot: what a checkpoint would save replaying. */
  get recordsSinceCheckpoint(): number {
    return this.recordsSinceSnapshot;
  }

  /** The last record applied to the index. */
  get appliedSequence(): number {
    return this.lastAppliedSequence;
  }

  /**
   * Runs `prepare` under the lock with a view of the current state; the mutations it returns
   * (none is fine) are committed as one record. Resolves with `prepare`'s result once applied.
   * @throws PartitionError UNAVAILABLE when this or an earlier record could not be logged (the
   * partition reloads), PARTITION_LOADING while quiesced, and whatever `prepare` throws.
   */
  async commit<Result>(prepare: (view: IndexView) => Promise<Prepared<Result>>): Promise<Result> {
    let applied: Promise<void> = Promise.resolve();
    let result!: Result;
    const turn = this.lock.then(async () => {
      if (this.failure) throw new PartitionError('UNAVAILABLE', `the partition is reloading after a failed commit: ${this.failure.message}`);
      if (this.quiesced) throw new PartitionError('PARTITION_LOADING', 'the partition is being split, merged or moved');
      const prepared = await prepare(this.view);
      result = prepared.result;
      if (prepared.mutations.length === 0) return;
      applied = this.logAndApply(prepared.mutations);
    });
    // The caller gets the error; the lock only orders what comes after it.
    this.lock = turn.then(() => undefined, ignoreError);
    await turn;
    await applied;
    return result;
  }

  /** Makes the next record of `mutations`, overlays it for later preconditions, logs it, and chains its apply. */
  private logAndApply(mutations: partitionV1.IndexMutation[]): Promise<void> {
    const sequence = this.lastMadeSequence + 1;
    assert(sequence > this.lastAppliedSequence, `record ${sequence} made at or below the applied sequence ${this.lastAppliedSequence}`);
    this.lastMadeSequence = sequence;
    const record: partitionV1.LogRecord = { sequence, mutations };
    const ranges = this.overlayRecord(sequence, mutations);
    const unapplied: Unapplied = { mutations, deletesRange: ranges.length > 0 };
    this.unapplied.set(sequence, unapplied);
    const logged = this.log.append(record);
    // Awaited in apply; it may fail before apply runs, which must not count as unhandled.
    logged.then((logExtentId) => (unapplied.logExtentId = logExtentId), ignoreError);
    // Each record is applied after the one before it, whether that one succeeded or not: the
    // chain rejects only with an assertion failure.
    const apply = async (): Promise<void> => {
      try {
        // Applied already, with the group of an earlier record.
        if (sequence <= this.lastAppliedSequence) return;
        if (this.failure) throw this.failure;
        const logExtentId = await logged;
        // The records of one log block are resolved together, each noting its extent in a
        // callback queued then: one more turn of the microtask queue lets those run, so the
        // group below sees the whole block.
        await null;
        assert(
          sequence === this.lastAppliedSequence + 1,
          `record ${sequence} applied after ${this.lastAppliedSequence}: records apply in sequence order, one at a time`,
        );
        const group = this.groupFrom(sequence, { ...unapplied, logExtentId });
        await this.index.applyRecords(group.map((entry) => entry.mutations));
        const last = group[group.length - 1]!;
        this.lastAppliedSequence = sequence + group.length - 1;
        this.lastAppliedLogExtentId = last.logExtentId!;
        this.recordsSinceSnapshot += group.length;
      } catch (error) {
        rethrowIfAssertion(error);
        if (!this.failure) {
          this.failure = error instanceof Error ? error : new Error(String(error));
          this.onFailure(this.failure);
        }
        throw new PartitionError('UNAVAILABLE', `the commit failed: ${this.failure.message}`);
      } finally {
        this.unapplied.delete(sequence);
        this.dropOverlay(sequence, mutations, ranges);
      }
    };
    const applied = this.applyChain.then(apply);
    // Each caller gets its record's error; the chain only orders the applies.
    this.applyChain = applied.then(() => undefined, ignoreError);
    return applied;
  }

  /**
   * The records to apply together from `sequence` on: it, then each next one whose append has
   * succeeded already, up to one that deletes a range (applied alone: its deletes read the
   * index as the records before it left it).
   */
  private groupFrom(sequence: number, first: Unapplied): Unapplied[] {
    const group = [first];
    if (first.deletesRange) return group;
    for (let next = sequence + 1; group.length < APPLY_GROUP_RECORDS_MAX; next++) {
      const entry = this.unapplied.get(next);
      if (!entry?.logExtentId || entry.deletesRange) break;
      group.push(entry);
    }
    return group;
  }

  private overlayRecord(sequence: number, mutations: readonly partitionV1.IndexMutation[]): PendingRange[] {
    const ranges: PendingRange[] = [];
    for (const mutation of mutations) {
      if (mutation.delete && (mutation.deleteRangeEnd as Buffer | undefined)?.length) {
        ranges.push({ gte: mutation.key as Buffer, lt: mutation.deleteRangeEnd as Buffer, sequence });
        continue;
      }
      this.overlay.set((mutation.key as Buffer).toString('hex'), { value: mutation.delete ? undefined : (mutation.value as Buffer), sequence });
    }
    for (const range of ranges) this.deletedRanges.add(range);
    return ranges;
  }

  private dropOverlay(sequence: number, mutations: readonly partitionV1.IndexMutation[], ranges: readonly PendingRange[]): void {
    for (const range of ranges) this.deletedRanges.delete(range);
    for (const mutation of mutations) {
      const key = (mutation.key as Buffer).toString('hex');
      if (this.overlay.get(key)?.sequence === sequence) this.overlay.delete(key);
    }
  }

  /** The last sequence number handed out (to a record applied or on its way). */
  get lastSequence(): number {
    return this.lastMadeSequence;
  }

  /**
   * What the records in flight say of a key: the latest of its own pending write and the
   * pending range deletes covering it; undefined when they say nothing.
   */
  private pending(key: Buffer): Overlaid | undefined {
    let latest = this.overlay.get(key.toString('hex'));
    for (const range of this.deletedRanges) {
      if ((!latest || range.sequence > latest.sequence) && inRange(key, range)) latest = { value: undefined, sequence: range.sequence };
    }
    return latest;
  }

  private readonly view: IndexView = {
    get: async (key) => {
      const pending = this.pending(key);
      return pending ? pending.value : this.index.get(key);
    },
    hasContainer: (key) => {
      const pending = this.pending(key);
      return pending ? pending.value !== undefined : this.index.hasContainer(key);
    },
    any: async (range, accept = () => true) => {
      for (const hex of this.overlay.keys()) {
        const key = Buffer.from(hex, 'hex');
        if (inRange(key, range) && accept(key) && this.pending(key)?.value !== undefined) return true;
      }
      for await (const [key] of this.index.entries(range)) {
        if (!accept(key)) continue;
        const pending = this.pending(key);
        if (!pending || pending.value !== undefined) return true;
      }
      return false;
    },
    first: async (range) => {
      let pendingFirst: [Buffer, Buffer] | undefined;
      for (const hex of this.overlay.keys()) {
        const key = Buffer.from(hex, 'hex');
        const value = inRange(key, range) ? this.pending(key)?.value : undefined;
        if (value && (!pendingFirst || Buffer.compare(key, pendingFirst[0]) < 0)) pendingFirst = [key, value];
      }
      let stored: [Buffer, Buffer] | undefined;
      for await (const [key, value] of this.index.entries(range)) {
        if (pendingFirst && Buffer.compare(key, pendingFirst[0]) >= 0) break;
        const pending = this.pending(key);
        if (pending && pending.value === undefined) continue;
        stored = [key, pending?.value ?? value];
        break;
      }
      return stored ?? pendingFirst;
    },
  };
}

function inRange(key: Buffer, range: RangeOptions & { lt: Buffer }): boolean {
  if (range.gt && Buffer.compare(key, range.gt) <= 0) return false;
  if (range.gte && Buffer.compare(key, range.gte) < 0) return false;
  return Buffer.compare(key, range.lt) < 0;
}
