import { type Etcd3, type Logger, PrefixCache, type SoftwareTransaction, transactAsLeader, warnDropped } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import type { StreamManagerClient } from '@strata/stream-layer';
import { decodeMapEntry, encodeMapEntry, partitionKeys, type ServerRecord } from '../etcd-keys.js';
import { PartitionError } from '../errors.js';
import { assignOrphans } from './assigner.js';

/** The first partition's id: it covers the whole key space until the first split. */
const FIRST_PARTITION_ID = 'p-1';

/**
 * The partition manager's domain, run by the elected leader: it creates the partition map,
 * and gives every partition whose server died to a live one. Each change of the map is one
 * etcd transaction that checks the partition was not changed meanwhile and that this manager
 * still leads, so a deposed leader that wakes from a pause changes nothing.
 */
export class PartitionManager {
  private map: PrefixCache<partitionV1.Partition__Output> | undefined;
  private servers: PrefixCache<ServerRecord> | undefined;
  private reconciling: Promise<void> = Promise.resolve();
  private active = false;
  private readonly keys: ReturnType<typeof partitionKeys>;

  constructor(private readonly deps: { etcd: Etcd3; prefix: string; streams: StreamManagerClient; log: Logger; leaderKey: () => Promise<string | undefined> }) {
    this.keys = partitionKeys(deps.prefix);
  }

  /** Starts managing: called when this instance is elected. */
  async lead(): Promise<void> {
    this.active = true;
    await this.ensureFirstPartition();
    this.map = await PrefixCache.open({
      client: this.deps.etcd,
      prefix: this.keys.map,
      decode: decodeMapEntry,
      log: this.deps.log,
    });
    this.servers = await PrefixCache.open({
      client: this.deps.etcd,
      prefix: this.keys.servers,
      decode: (raw) => JSON.parse(raw) as ServerRecord,
      log: this.deps.log,
    });
    const schedule = (): void => {
      // The next change of the map or of the servers runs it again.
      this.reconciling = this.reconciling.then(() => this.reconcile()).catch(warnDropped(this.deps.log, 'assignment failed'));
    };
    this.map.on('change', schedule);
    this.servers.on('change', schedule);
    schedule();
  }

  /** Stops managing: called when this instance loses leadership or stops. */
  async stepDown(): Promise<void> {
    this.active = false;
    await this.map?.close();
    await this.servers?.close();
    this.map = undefined;
    this.servers = undefined;
  }

  /** A live partition server's address, if it is registered. */
  serverAddress(serverId: string): string | undefined {
    return this.servers?.get(serverId)?.address;
  }

  liveServerIds(): string[] {
    return [...(this.servers?.snapshot().keys() ?? [])];
  }

  get leading(): boolean {
    return this.active && this.map !== undefined;
  }

  /**
   * Gives a partition to another live server (its generation grows, so the new owner's load fences
   * the old one out), if it is still where the caller saw it.
   */
  async reassign(partitionId: string, fromServerId: string, toServerId: string): Promise<partitionV1.Partition__Output> {
    if (!this.servers?.get(toServerId)) throw new PartitionError('INVALID_ARGUMENT', `partition server ${toServerId} is not live`);
    const key = this.keys.partition(partitionId);
    const moved = await this.asLeader(async (tx) => {
      const raw = await tx.get(key).string();
      if (raw === null) throw new PartitionError('INVALID_ARGUMENT', `no partition ${partitionId}`);
      const partition = decodeMapEntry(raw);
      if (partition.ownerId !== fromServerId) throw new PartitionError('NOT_OWNER', `partition ${partitionId} is no longer on ${fromServerId}`);
      const next = { ...partition, ownerId: toServerId, generation: partition.generation + 1, previousOwnerId: partition.ownerId };
      await tx.put(key).value(encodeMapEntry(next));
      return next;
    });
    this.deps.log.info({ partitionId, from: fromServerId, to: toServerId, generation: moved.generation }, 'partition moved');
    return moved;
  }

  /** Runs `body` as one transaction that also checks this manager still leads. */
  private asLeader<T>(body: (tx: SoftwareTransaction) => Promise<T>): Promise<T> {
    return transactAsLeader(this.deps.etcd, this.deps.leaderKey, () => new PartitionError('UNAVAILABLE', 'this partition manager no longer leads'), body);
  }

  partitions(): partitionV1.Partition__Output[] {
    return [...(this.map?.snapshot().values() ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a.lowKey), Buffer.from(b.lowKey)));
  }

  private async ensureFirstPartition(): Promise<void> {
    const existing = await this.deps.etcd.getAll().prefix(this.keys.map).keys();
    if (existing.length > 0) return;
    const log = await this.deps.streams.createStream(`${FIRST_PARTITION_ID}/log`);
    const data = await this.deps.streams.createStream(`${FIRST_PARTITION_ID}/data`);
    const partition: partitionV1.Partition = {
      partitionId: FIRST_PARTITION_ID,
      lowKey: '',
      highKey: '',
      streams: { logStreamId: log.streamId, dataStreamId: data.streamId },
      ownerId: '',
      generation: 0,
    };
    const key = this.keys.partition(FIRST_PARTITION_ID);
    await this.deps.etcd
      .if(key, 'Create', '==', 0)
      .then(this.deps.etcd.put(key).value(encodeMapEntry(partition)))
      .commit();
    this.deps.log.info({ partitionId: FIRST_PARTITION_ID }, 'partition map created');
  }

  private async reconcile(): Promise<void> {
    if (!this.active || !this.map || !this.servers) return;
    const live = [...this.servers.snapshot().keys()];
    const changes = assignOrphans(this.partitions(), live);
    for (const change of changes) {
      const key = this.keys.partition(change.partitionId);
      const moved = await this.asLeader(async (tx) => {
        const raw = await tx.get(key).string();
        if (raw === null) return undefined;
        const partition = decodeMapEntry(raw);
        if (this.servers?.get(partition.ownerId)) return undefined;
        // The owner's registration is read too: a server that registered again meanwhile
        // keeps its partitions (the transaction fails and the next round sees it live).
        if (partition.ownerId !== '' && (await tx.get(this.keys.server(partition.ownerId)).string()) !== null) return undefined;
        // The former owner's lease is gone from etcd, and a server stops serving before its
        // lease can lapse (it counts from before each renewal, with a margin): nobody to wait for.
        const next = { ...partition, ownerId: change.ownerId, generation: partition.generation + 1, previousOwnerId: '' };
        await tx.put(key).value(encodeMapEntry(next));
        return next;
      });
      if (moved)
        this.deps.log.info({ partitionId: moved.partitionId, ownerId: moved.ownerId, generation: moved.generation, liveServers: live }, 'partition assigned');
    }
  }
}
