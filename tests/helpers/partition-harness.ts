import { createHash } from 'node:crypto';
import { callMetadata, callOptions, connectEtcd, silentLogger, unary, type Etcd3 } from '@strata/common';
import { PartitionClient, PartitionMap } from '@strata/partition-layer';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import type { Stamp } from '@strata/deploy';
import * as grpc from '@grpc/grpc-js';

/** The MD5 of no bytes: the ETag of the empty blobs `putMany` stores (the front-end's part of a commit). */
const EMPTY_MD5 = createHash('md5').digest();

/** A test's handle on a stamp's partition layer through its public clients and its map in etcd. */
export class PartitionHarness {
  readonly etcd: Etcd3;
  private constructor(
    private readonly stamp: Stamp,
    readonly map: PartitionMap,
    readonly client: PartitionClient,
    etcd: Etcd3,
  ) {
    this.etcd = etcd;
  }

  static async open(stamp: Stamp): Promise<PartitionHarness> {
    const etcd = connectEtcd([stamp.info.etcdEndpoint]);
    const map = await PartitionMap.open({ etcd, prefix: stamp.info.etcdPrefix, log: silentLogger() });
    return new PartitionHarness(stamp, map, new PartitionClient(map), etcd);
  }

  /** Every partition as etcd has it now (not the watched copy). */
  async partitions(): Promise<partitionV1.Partition__Output[]> {
    const all = await this.etcd.getAll().prefix(`${this.stamp.info.etcdPrefix}/partition/map/`).strings();
    return Object.values(all).map((raw) => JSON.parse(raw) as partitionV1.Partition__Output);
  }

  /**
   * Stores `count` empty blobs, named `${prefix}${i}` (i zero-padded) or by `name(i)`, with
   * `concurrency` uploads at once; returns blobs per second.
   */
  async putMany(options: {
    account: string;
    container: string;
    prefix?: string;
    name?: (i: number) => string;
    count: number;
    concurrency: number;
  }): Promise<number> {
    const started = Date.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < options.count) {
        const i = next++;
        await this.client.putBlob({
          header: {
            account: options.account,
            container: options.container,
            blob: options.name ? options.name(i) : `${options.prefix ?? ''}${String(i).padStart(6, '0')}`,
            properties: {},
          },
          body: (async function* () {})(),
          beforeCommit: async () => ({ contentMd5: EMPTY_MD5 }),
        });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return Math.round((options.count / (Date.now() - started)) * 1000);
  }

  /** A GetBlob sent straight to one partition server, whatever the map says. */
  async getBlobFrom(address: string, request: partitionV1.BlobRequest): Promise<partitionV1.BlobInfo__Output> {
    const Client = partitionServerProto().PartitionServer;
    const client = new Client(address, grpc.credentials.createInsecure());
    try {
      const context = { timeoutMs: 5_000 };
      return await unary<partitionV1.BlobInfo__Output>((done) => client.getBlob(request, callMetadata(context), callOptions(context), done));
    } finally {
      client.close();
    }
  }

  /** Has every partition server scan its partitions and publish their usage now (the mark phase, without compacting). */
  async reportUsage(): Promise<partitionV1.PartitionUsage__Output[]> {
    const Client = partitionServerProto().PartitionServer;
    const usages: partitionV1.PartitionUsage__Output[] = [];
    for (const server of this.stamp.processes().filter((p) => p.role === 'partition-server')) {
      const client = new Client(server.address, grpc.credentials.createInsecure());
      try {
        const context = { timeoutMs: 60_000 };
        const reply = await unary<partitionV1.ReportUsageResponse__Output>((done) => client.reportUsage({}, callMetadata(context), callOptions(context), done));
        usages.push(...reply.partitions);
      } finally {
        client.close();
      }
    }
    return usages;
  }

  /** Has the partition's server write a checkpoint now (which also trims its log and old checkpoints). */
  async checkpoint(partitionId: string): Promise<void> {
    const partition = (await this.partitions()).find((x) => x.partitionId === partitionId);
    const server = this.stamp.processes().find((p) => p.role === 'partition-server' && p.id === partition?.ownerId);
    if (!server) throw new Error(`partition ${partitionId} has no live server`);
    const client = new (partitionServerProto().PartitionServer)(server.address, grpc.credentials.createInsecure());
    try {
      const context = { timeoutMs: 60_000 };
      await unary((done) => client.checkpointPartition({ partitionId }, callMetadata(context), callOptions(context), done));
    } finally {
      client.close();
    }
  }

  async close(): Promise<void> {
    this.client.close();
    await this.map.close();
    this.etcd.close();
  }
}
