import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connectEtcd, leaderOf, silentLogger, systemClock, type Etcd3 } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { ExtentReader, extentNodeClients, joinParts, StreamManagerClient, StreamWriter } from '@strata/stream-layer';
import type { Stamp } from '@strata/deploy';

export interface AckedAppend {
  pointer: streamV1.BlockPointer;
  sha256: string;
  ackedAtMs: number;
}

/**
 * A test's handle on a stamp's stream layer through its public clients: create streams,
 * write them, read every replica of every extent.
 */
export class StreamHarness {
  readonly etcd: Etcd3;
  readonly manager: StreamManagerClient;
  readonly nodes = extentNodeClients();
  readonly reader = new ExtentReader(this.nodes);

  constructor(private readonly stamp: Stamp) {
    this.etcd = connectEtcd([stamp.info.etcdEndpoint]);
    this.manager = new StreamManagerClient({ etcd: this.etcd, prefix: stamp.info.etcdPrefix, clock: systemClock, log: silentLogger() });
  }

  async openStream(name: string, extentBytesMax?: number): Promise<StreamWriter> {
    const stream = await this.manager.createStream(name);
    return this.takeOver(stream.streamId, extentBytesMax);
  }

  /** Opens an existing stream for writing, as a partition server taking a partition over does. */
  takeOver(streamId: string, extentBytesMax?: number): Promise<StreamWriter> {
    return StreamWriter.open({
      manager: this.manager,
      nodes: this.nodes,
      clock: systemClock,
      log: silentLogger(),
      streamId,
      ...(extentBytesMax ? { extentBytesMax } : {}),
    });
  }

  /** The SHA-256 of every block the stream's sealed extents hold, in stream order (and of what the manager last heard the open one holds). */
  async blockHashes(streamId: string): Promise<string[]> {
    const hashes: string[] = [];
    for (const extent of (await this.stream(streamId)).extents) {
      const lengthBytes = Number(extent.sealed ? extent.sealedLengthBytes : extent.lengthBytes);
      if (lengthBytes === 0) continue;
      for await (const block of this.reader.readRange({ extent, offset: 0, lengthBytes }))
        hashes.push(createHash('sha256').update(joinParts(block.parts)).digest('hex'));
    }
    return hashes;
  }

  /**
   * Appends random blocks of `blockBytes`, keeping `inFlight` appends pending, until `stop()`
   * is true; records every acknowledged append and counts the failed ones.
   */
  async writeUntil(
    writer: StreamWriter,
    options: { blockBytes: number; inFlight: number; stop: () => boolean; acked: AckedAppend[]; failed: { count: number } },
  ): Promise<void> {
    const pending = new Set<Promise<void>>();
    while (!options.stop()) {
      const data = randomBytes(options.blockBytes);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const append: Promise<void> = writer.append([data]).then(
        ([pointer]) => void options.acked.push({ pointer: pointer!, sha256, ackedAtMs: Date.now() }),
        () => void options.failed.count++,
      );
      pending.add(append);
      void append.finally(() => pending.delete(append));
      if (pending.size >= options.inFlight) await Promise.race(pending);
    }
    await Promise.all(pending);
  }

  async stream(streamId: string): Promise<streamV1.StreamInfo__Output> {
    return this.manager.getStream(streamId);
  }

  /** Reads one block from one replica and hashes it. */
  async readFrom(extent: streamV1.ExtentInfo__Output, replica: streamV1.Replica__Output, pointer: streamV1.BlockPointer): Promise<string> {
    const hash = createHash('sha256');
    for await (const block of this.reader.readRange({
      extent: { ...extent, replicas: [replica] },
      offset: Number(pointer.offset),
      lengthBytes: 16 + Number(pointer.dataBytes),
    })) {
      for (const part of block.parts) hash.update(part);
    }
    return hash.digest('hex');
  }

  /**
   * Checks every acknowledged append against every replica its extent has now; returns the
   * number of (append, replica) reads that matched. Throws on the first mismatch or failure.
   */
  async verifyEverywhere(acked: readonly AckedAppend[], skipNodes: readonly string[] = []): Promise<number> {
    const extents = new Map<string, streamV1.ExtentInfo__Output>();
    let reads = 0;
    for (const append of acked) {
      const extentId = append.pointer.extentId!;
      if (!extents.has(extentId)) extents.set(extentId, await this.manager.getExtent(extentId));
      const extent = extents.get(extentId)!;
      for (const replica of extent.replicas) {
        if (skipNodes.includes(replica.nodeId)) continue;
        const sha = await this.readFrom(extent, replica, append.pointer);
        if (sha !== append.sha256) throw new Error(`append at ${extentId}@${append.pointer.offset} differs on ${replica.nodeId}`);
        reads++;
      }
    }
    return reads;
  }

  /**
   * Whether every extent of the stream has `count` healthy replicas, none on `excluded`. With
   * `sealedOnly`, the unsealed last extent is left out: repair never touches an unsealed extent
   * (its writer seals it on failure), so one whose writer has gone keeps a dead member until
   * the next writer opens the stream.
   */
  async fullyReplicated(streamId: string, count: number, excluded: readonly string[] = [], sealedOnly = false): Promise<boolean> {
    const stream = await this.manager.getStream(streamId).catch(() => undefined);
    if (!stream) return false;
    return stream.extents
      .filter((extent) => extent.sealed || !sealedOnly)
      .every((extent) => extent.replicas.length === count && extent.replicas.every((r) => r.healthy && !excluded.includes(r.nodeId)));
  }

  /** The process id of the stream manager that leads now. */
  async managerLeaderId(): Promise<string | undefined> {
    const address = await leaderOf(this.etcd, `${this.stamp.info.etcdPrefix}/stream/manager`);
    return this.stamp.processes().find((p) => p.role === 'stream-manager' && p.address === address)?.id;
  }

  close(): void {
    this.manager.close();
    this.nodes.close();
    this.etcd.close();
  }
}

/** The lines of a process's log that carry `message`. */
export async function logLines(stamp: Stamp, id: string, message: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(stamp.dataDir, 'logs', `${id}.log`), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.includes(`"msg":"${message}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
