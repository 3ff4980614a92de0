import { createHash } from 'node:crypto';

import { pino } from 'pino';
import { callMetadata, callOptions, ClientPool, isStrataError, silentLogger, unary, Workers, type Logger, type RunningRole } from '@strata/common';
import { PartitionClient, PartitionManagerClient, PartitionMap } from '@strata/partition-layer';

import { messageCodec, partitionServerProto, type partitionV1 } from '@strata/protos';
import { ExtentReader, extentNodeClients, joinParts, StreamManagerClient } from '@strata/stream-layer';
import type { InProcessStamp } from './in-process-stamp.js';

/** One line a role logged, as pino wrote it. */
/** Partition manager flags for component tests: its rounds that would move or split partitions under a test never come. */
export const QUIET_MANAGER = ['--policy-interval-ms', '3600000', '--gc-interval-ms', '3600000'];

export type LogLine = Record<string, unknown> & { msg: string; level: number };

/** A logger whose lines a test can read back: what the component tests check that a role said. */
export class CapturedLog {
  readonly lines: LogLine[] = [];
  readonly logger: Logger;

  constructor(level = 'info') {
    this.logger = pino({ level }, { write: (line: string) => void this.lines.push(JSON.parse(line) as LogLine) });
  }

  /** The lines with message `msg` (and fields matching `fields`), oldest first. */
  find(msg: string, fields: Record<string, unknown> = {}): LogLine[] {
    return this.lines.filter((line) => line.msg === msg && Object.entries(fields).every(([key, value]) => line[key] === value));
  }
}

/** A partition server started in the test's process with a log the test reads. */
export interface CapturedServer {
  id: string;
  address: string;
  log: CapturedLog;
  workers: Workers;
  running: RunningRole;
  /** Stops it as SIGTERM would (its lease is given back), then its workers. */
  stop(): Promise<void>;
}

/** Starts a partition server of `stamp` with a log the test reads. */
export async function startCapturedServer(stamp: InProcessStamp, id: string, extraArgs: string[] = []): Promise<CapturedServer> {
  const log = new CapturedLog();
  const role = await stamp.startRole('partition-server', id, extraArgs, { log: log.logger });
  return { id, address: role.address, log, workers: role.workers, running: role.running, stop: () => stamp.stopRole(id) };
}

const logBlockCodec = messageCodec<partitionV1.LogBlock, partitionV1.LogBlock__Output>('strata.partition.v1.LogBlock');

/** A blob the test stored and was acknowledged: its name and ETag. */
export interface Stored {
  blob: string;
  etag: string;
}

/**
 * The partition layer as a front-end sees it (the public client and the manager's client),
 * plus the stream layer underneath for reading a partition's commit log. Closed by `close`.
 */
export class PartitionTestClient {
  readonly account = 'acct';
  private readonly servers = new ClientPool(partitionServerProto().PartitionServer);

  private constructor(
    readonly map: PartitionMap,
    readonly client: PartitionClient,
    readonly manager: PartitionManagerClient,
    readonly streams: StreamManagerClient,
    private readonly nodes: ReturnType<typeof extentNodeClients>,
  ) {}

  static async open(stamp: InProcessStamp): Promise<PartitionTestClient> {
    const etcd = stamp.etcdClient();
    const log = silentLogger();
    const map = await PartitionMap.open({ etcd, prefix: stamp.prefix, log });
    const streams = new StreamManagerClient({ etcd, prefix: stamp.prefix, clock: stamp.clock, log });
    return new PartitionTestClient(map, new PartitionClient(map), new PartitionManagerClient({ etcd, prefix: stamp.prefix }), streams, extentNodeClients());
  }

  /** Stores `body` as `blob` through the partition client (with its retries); resolves once acknowledged. */
  async put(
    container: string,
    blob: string,
    body: string | Buffer,
    conditions: { ifNoneMatch?: string; ifMatch?: string; versioning?: string } = {},
  ): Promise<Stored & { versionId: string }> {
    const bytes = Buffer.from(body);
    const contentMd5 = createHash('md5').update(bytes).digest();
    const info = await this.client.putBlob({
      header: { account: this.account, container, blob, ...conditions },
      body: (async function* () {
        if (bytes.length > 0) yield bytes;
      })(),
      beforeCommit: async () => ({ contentMd5 }),
      expectedBytes: bytes.length,
    });
    return { blob, etag: info.record!.etag, versionId: info.record!.versionId };
  }

  /** The blob's ETag, or undefined when there is no such blob. */
  async etagOf(container: string, blob: string): Promise<string | undefined> {
    try {
      return (await this.client.getBlob({ account: this.account, container, blob })).record!.etag;
    } catch (error) {
      if (isStrataError(error, ['NO_SUCH_BLOB'])) return undefined;
      throw error;
    }
  }

  /** The map entry of a partition, as the manager serves it. */
  async partition(partitionId: string): Promise<partitionV1.Partition__Output | undefined> {
    return (await this.manager.map()).partitions.find((partition) => partition.partitionId === partitionId);
  }

  /**
   * The records of a partition's commit log in its sealed extents, in log order (duplicates
   * the stream layer holds included), and how many blocks held them.
   */
  async sealedLog(logStreamId: string): Promise<{ sequences: number[]; blocks: number }> {
    const stream = await this.streams.getStream(logStreamId);
    const reader = new ExtentReader(this.nodes);
    const sequences: number[] = [];
    let blocks = 0;
    for (const extent of stream.extents.filter((candidate) => candidate.sealed && Number(candidate.sealedLengthBytes) > 0)) {
      for await (const block of reader.readRange({ extent, offset: 0, lengthBytes: Number(extent.sealedLengthBytes) })) {
        blocks++;
        sequences.push(...logBlockCodec.decode(joinParts(block.parts)).records.map((record) => Number(record.sequence)));
      }
    }
    return { sequences, blocks };
  }

  /** Asks one server directly (no routing, no retry) for a blob's ETag. */
  directEtag(address: string, container: string, blob: string): Promise<string> {
    return unary<partitionV1.BlobInfo__Output>((done) =>
      this.servers
        .get(address)
        .getBlob({ account: this.account, container, blob }, callMetadata({ timeoutMs: 5_000 }), callOptions({ timeoutMs: 5_000 }), done),
    ).then((info) => info.record!.etag);
  }

  /** Asks one server directly to compact a partition's blobs out of `extentIds` now. */
  compact(address: string, partitionId: string, extentIds: string[]): Promise<partitionV1.CompactPartitionResponse__Output> {
    return unary<partitionV1.CompactPartitionResponse__Output>((done) =>
      this.servers.get(address).compactPartition({ partitionId, extentIds }, callMetadata({ timeoutMs: 60_000 }), callOptions({ timeoutMs: 60_000 }), done),
    );
  }

  /** A blob's bytes (of the version its info names), read from the extent nodes at its record's pointers. */
  async bytesOf(info: partitionV1.BlobInfo__Output): Promise<Buffer> {
    const record = info.record!;
    if (record.inlineData.length > 0) return record.inlineData;
    const parts: Buffer[] = [];
    const extents = new Map(info.extents.map((extent) => [extent.extentId, extent]));
    for await (const data of new ExtentReader(this.nodes).readPointers({ pointers: record.blocks, extents })) parts.push(data);
    return Buffer.concat(parts);
  }

  /** Asks one server directly for a partition's usage scan now (the mark phase of space reclamation). */
  usage(address: string, partitionId: string): Promise<partitionV1.PartitionUsage__Output> {
    return unary<partitionV1.ReportUsageResponse__Output>((done) =>
      this.servers.get(address).reportUsage({ partitionId }, callMetadata({ timeoutMs: 30_000 }), callOptions({ timeoutMs: 30_000 }), done),
    ).then((reply) => reply.partitions[0]!);
  }

  /** Asks one server directly to checkpoint a partition now; resolves with the root's sequence. */
  checkpoint(address: string, partitionId: string): Promise<number> {
    return unary<partitionV1.CheckpointPartitionResponse__Output>((done) =>
      this.servers.get(address).checkpointPartition({ partitionId }, callMetadata({ timeoutMs: 30_000 }), callOptions({ timeoutMs: 30_000 }), done),
    ).then((reply) => Number(reply.sequence));
  }

  async close(): Promise<void> {
    this.client.close();
    this.servers.close();
    this.streams.close();
    this.nodes.close();
    await this.map.close();
  }
}

/** Whether `sequences` (a log's records in order, duplicates allowed) run first, first + 1, ... with no gap. */
export function consecutiveFrom(sequences: readonly number[]): { first: number; last: number } | undefined {
  let last: number | undefined;
  let first: number | undefined;
  for (const sequence of sequences) {
    if (last !== undefined && sequence <= last) continue;
    if (last !== undefined && sequence !== last + 1) return undefined;
    first ??= sequence;
    last = sequence;
  }
  return first === undefined || last === undefined ? undefined : { first, last };
}
