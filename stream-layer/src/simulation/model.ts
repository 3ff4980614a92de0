import { streamKeys } from '../etcd-keys.js';
import type { ExtentRecord, StreamRecord } from '../stream-manager/metadata-store.js';
import type { SimCluster } from './sim-cluster.js';
import { SIM_PREFIX } from './sim-cluster.js';
import { InvariantViolation, type SimWorld } from './world.js';

/** One append a writer was told is durable: where, and the exact bytes it put on disk there. */
export interface AckedAppend {
  streamId: string;
  extentId: string;
  offset: number;
  end: number;
  /** The append's bytes on disk (block headers and payloads). */
  bytes: Buffer;
  /** Its blocks' payloads, as a reader returns them. */
  payloads: Buffer[];
  writer: string;
}

/** The invariants the simulation checks, by name, with how often each was checked. */
export const INVARIANTS = {
  ackDurable: 'an acknowledged append is durable (fdatasynced) on every replica of its extent when the writer hears of it',
  ackWithinSeal: 'no acknowledged append ends past its extent’s sealed length',
  sealFinal: 'a sealed extent’s record never changes its length and never unseals',
  openChainFixed: 'an unsealed extent’s replica set never changes',
  streamGrows: 'a stream’s extent list only grows at its end, all but the last extent sealed',
  epochGrows: 'a stream’s writer epoch never goes back',
  sealedIdentical: 'every replica a node holds sealed at its extent’s recorded length is byte-identical to the others',
  ackNeverCut: 'no node seals a replica shorter than an acknowledged append of its extent',
  ackReadable: 'after healing, every acknowledged append reads back byte for byte from every replica, through the extent reader',
  converged: 'after healing, every sealed extent has its full replica count, each sealed at the recorded length',
} as const;
export type InvariantName = keyof typeof INVARIANTS;

const fileOf = (extentId: string): string => `${extentId}.extent`;

/**
 * What must hold, checked as the run goes: at every commit of the stream manager's records,
 * at every acknowledgement a writer receives, every few hundred events, and after healing.
 */
export class Model {
  readonly acked: AckedAppend[] = [];
  private readonly ackedByExtent = new Map<string, AckedAppend[]>();
  readonly checks = Object.fromEntries(Object.keys(INVARIANTS).map((name) => [name, 0])) as Record<InvariantName, number>;
  private readonly keys = streamKeys(SIM_PREFIX);

  constructor(
    private readonly world: SimWorld,
    private readonly cluster: SimCluster,
  ) {
    cluster.kv.onCommit = (changes) => {
      for (const [key, change] of changes) {
        if (key.startsWith(this.keys.extents)) this.onExtentChange(change.before, change.after);
        else if (key.startsWith(this.keys.streams)) this.onStreamChange(change.before, change.after);
      }
    };
  }

  private violated(name: InvariantName, detail: string): never {
    throw new InvariantViolation(`${name}: ${INVARIANTS[name]} — ${detail}`);
  }

  private check(name: InvariantName, holds: boolean, detail: () => string): void {
    this.checks[name]++;
    if (!holds) this.violated(name, detail());
  }

  extent(extentId: string): ExtentRecord | undefined {
    const raw = this.cluster.kv.peek(this.keys.extent(extentId));
    return raw === undefined ? undefined : (JSON.parse(raw) as ExtentRecord);
  }

  streams(): StreamRecord[] {
    return this.cluster.kv.peekPrefix(this.keys.streams).map(([, raw]) => JSON.parse(raw) as StreamRecord);
  }

  private onExtentChange(beforeRaw: string | undefined, afterRaw: string | undefined): void {
    if (beforeRaw === undefined || afterRaw === undefined) return;
    const before = JSON.parse(beforeRaw) as ExtentRecord;
    const after = JSON.parse(afterRaw) as ExtentRecord;
    if (before.sealed) {
      this.check(
        'sealFinal',
        after.sealed && after.sealedLengthBytes === before.sealedLengthBytes,
        () => `${after.extentId} sealed at ${before.sealedLengthBytes}, now ${JSON.stringify(after)}`,
      );
    } else {
      this.check(
        'openChainFixed',
        after.replicas.join() === before.replicas.join(),
        () => `${after.extentId} chain ${before.replicas.join()} became ${after.replicas.join()}`,
      );
    }
    if (after.sealed) {
      for (const append of this.ackedByExtent.get(after.extentId) ?? []) {
        this.check(
          'ackWithinSeal',
          append.end <= after.sealedLengthBytes,
          () => `${after.extentId} sealed at ${after.sealedLengthBytes} under an append acknowledged to ${append.end}`,
        );
      }
    }
  }

  private onStreamChange(beforeRaw: string | undefined, afterRaw: string | undefined): void {
    if (afterRaw === undefined) return;
    const after = JSON.parse(afterRaw) as StreamRecord;
    if (beforeRaw !== undefined) {
      const before = JSON.parse(beforeRaw) as StreamRecord;
      const prefix = after.extentIds.slice(0, before.extentIds.length).join();
      this.check(
        'streamGrows',
        prefix === before.extentIds.join(),
        () => `${after.streamId} extents ${before.extentIds.join()} became ${after.extentIds.join()}`,
      );
      this.check(
        'epochGrows',
        (after.writerEpoch ?? 0) >= (before.writerEpoch ?? 0),
        () => `${after.streamId} epoch ${before.writerEpoch} became ${after.writerEpoch}`,
      );
    }
    for (const extentId of after.extentIds.slice(0, -1)) {
      this.check('streamGrows', this.extent(extentId)?.sealed === true, () => `${after.streamId} lists unsealed ${extentId} before its last extent`);
    }
  }

  /** A writer heard that `append` is durable. */
  acknowledged(append: AckedAppend): void {
    this.acked.push(append);
    const list = this.ackedByExtent.get(append.extentId) ?? [];
    list.push(append);
    this.ackedByExtent.set(append.extentId, list);
    const record = this.extent(append.extentId);
    if (!record) this.violated('ackDurable', `${append.extentId} has no record`);
    if (record.sealed)
      this.check(
        'ackWithinSeal',
        append.end <= record.sealedLengthBytes,
        () => `${append.extentId}@${append.offset}..${append.end} past its seal at ${record.sealedLengthBytes}`,
      );
    for (const nodeId of record.replicas) {
      const synced = this.cluster.nodes.get(nodeId)?.disk.syncedBytes(fileOf(append.extentId));
      this.check(
        'ackDurable',
        synced !== undefined && synced.subarray(append.offset, append.end).equals(append.bytes),
        () => `${append.extentId}@${append.offset}..${append.end} not durable on ${nodeId}`,
      );
    }
  }

  /** Replicas that nodes hold sealed keep every acknowledged append; those sealed at the recorded length are identical. */
  checkSealedReplicas(): void {
    const byExtent = new Map<string, { nodeId: string; bytes: Buffer }[]>();
    for (const node of this.cluster.nodes.values()) {
      for (const meta of node.disk.records.values()) {
        if (meta.state !== 'sealed') continue;
        for (const append of this.ackedByExtent.get(meta.extentId) ?? []) {
          const cut = meta.sealedLengthBytes ?? 0;
          this.check(
            'ackNeverCut',
            append.end <= cut,
            () => `${meta.extentId} on ${node.nodeId} sealed at ${cut} under an append acknowledged to ${append.end}`,
          );
        }
        const record = this.extent(meta.extentId);
        if (!record?.sealed || meta.sealedLengthBytes !== record.sealedLengthBytes) continue;
        const bytes = node.disk.syncedBytes(fileOf(meta.extentId));
        if (!bytes) continue;
        const list = byExtent.get(meta.extentId) ?? [];
        list.push({ nodeId: node.nodeId, bytes: bytes.subarray(0, record.sealedLengthBytes) });
        byExtent.set(meta.extentId, list);
      }
    }
    for (const [extentId, replicas] of byExtent) {
      for (const replica of replicas.slice(1)) {
        this.check(
          'sealedIdentical',
          replica.bytes.equals(replicas[0]!.bytes),
          () => `${extentId} differs between ${replicas[0]!.nodeId} and ${replica.nodeId}`,
        );
      }
    }
  }

  /** After healing: full replica counts at the recorded lengths, every acknowledged append on every replica. */
  checkConverged(replicaCount: number): string | undefined {
    for (const stream of this.streams()) {
      for (const extentId of stream.extentIds) {
        const record = this.extent(extentId);
        if (!record?.sealed) continue;
        if (record.replicas.length !== replicaCount) return `${extentId} has ${record.replicas.length} replicas`;
        for (const nodeId of record.replicas) {
          const node = this.cluster.nodes.get(nodeId);
          const meta = node?.disk.records.get(extentId);
          if (!node?.service || meta?.state !== 'sealed' || meta.sealedLengthBytes !== record.sealedLengthBytes || meta.corrupt) {
            return `${extentId} on ${nodeId} is ${meta?.corrupt ? 'corrupt' : (meta?.state ?? 'missing')} (at ${meta?.sealedLengthBytes ?? '-'} of ${record.sealedLengthBytes})`;
          }
          if (node.disk.syncedBytes(fileOf(extentId))?.length !== record.sealedLengthBytes) return `${extentId} on ${nodeId} has the wrong length`;
        }
      }
    }
    return undefined;
  }

  convergedOrFail(replicaCount: number): void {
    const problem = this.checkConverged(replicaCount);
    this.check('converged', problem === undefined, () => problem ?? '');
    this.checkSealedReplicas();
  }

  /** Every acknowledged append, on every replica its extent has now, from the disks. */
  checkAckedOnDisks(): void {
    for (const append of this.acked) {
      const record = this.extent(append.extentId);
      for (const nodeId of record?.replicas ?? []) {
        const synced = this.cluster.nodes.get(nodeId)?.disk.syncedBytes(fileOf(append.extentId));
        this.check(
          'ackReadable',
          synced !== undefined && synced.subarray(append.offset, append.end).equals(append.bytes),
          () => `${append.extentId}@${append.offset} lost on ${nodeId}`,
        );
      }
    }
  }

  /** What a reader got back for an acknowledged append from one replica. */
  readBack(append: AckedAppend, nodeId: string, payloads: Buffer[] | undefined, why?: string): void {
    const same = payloads !== undefined && payloads.length === append.payloads.length && payloads.every((payload, i) => payload.equals(append.payloads[i]!));
    this.check('ackReadable', same, () => `${append.extentId}@${append.offset} from ${nodeId}: ${payloads ? 'different bytes' : `unreadable (${why})`}`);
  }
}
