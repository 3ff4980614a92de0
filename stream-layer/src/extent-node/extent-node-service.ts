import { isStrataError, rethrowIfAssertion, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import type { AppendUpstream, ExtentNodes, NodeAddress } from '../transport/extent-node-api.js';
import { ChainAppendSession } from './chain-append.js';
import type { ExtentStore } from './extent-store.js';
import { copyReplica } from './replica-copy.js';

export interface ExtentNodeServiceDeps {
  nodeId: string;
  store: ExtentStore;
  /** Where other extent nodes are now (the successor of a chain). */
  nodeOf: (nodeId: string) => NodeAddress | undefined;
  nodes: ExtentNodes;
  log: Logger;
  /** Whether the node is too full to take a new extent. */
  isFull: () => boolean;
  /** Called when writing to a replica failed (a full disk, an I/O error). */
  onWriteFailure: (error: unknown) => void;
}

/**
 * What an extent node does, whatever transport brings the requests: the gRPC edge
 * (`service.ts`) and the simulation both call it.
 */
export class ExtentNodeService {
  /** Counters since start, reported by GetNodeStats. */
  private readonly stats = { readCalls: 0, readBytes: 0 };
  /** Extents being copied here: one copy of an extent at a time, as both would write one `.copy` file. */
  private readonly copying = new Set<string>();

  constructor(private readonly deps: ExtentNodeServiceDeps) {}

  async createExtent(request: streamV1.CreateExtentRequest__Output): Promise<void> {
    if (this.deps.isFull()) throw new StreamError('NODE_FULL', `extent node ${this.deps.nodeId} is full`);
    const chain = request.replicas.map((replica) => replica.nodeId);
    await this.deps.store.create(request.extentId, chain);
    this.deps.log.info({ extentId: request.extentId, chain }, 'extent created');
  }

  async replicaInfo(request: streamV1.GetReplicaInfoRequest__Output): Promise<streamV1.ReplicaInfo> {
    const replica = this.deps.store.get(request.extentId);
    const lengthBytes = request.freeze ? await this.deps.store.freeze(request.extentId) : replica.file.durableBytes;
    return { extentId: request.extentId, lengthBytes, sealed: replica.file.sealed, frozen: replica.file.frozen };
  }

  async sealReplica(request: streamV1.SealReplicaRequest__Output): Promise<streamV1.ReplicaInfo> {
    await this.deps.store.seal(request.extentId, request.lengthBytes);
    this.deps.log.info({ extentId: request.extentId, lengthBytes: request.lengthBytes }, 'replica sealed');
    return { extentId: request.extentId, lengthBytes: request.lengthBytes, sealed: true, frozen: true };
  }

  async listReplicas(): Promise<streamV1.ListReplicasResponse> {
    return {
      replicas: this.deps.store.list().map((meta) => ({
        extentId: meta.extentId,
        lengthBytes: this.deps.store.get(meta.extentId).file.durableBytes,
        sealed: meta.state === 'sealed',
        frozen: meta.state !== 'open',
        corrupt: meta.corrupt ?? false,
        createdMs: meta.createdMs,
        chain: meta.chain,
      })),
      freeBytes: await this.deps.store.disk.freeBytes(),
    };
  }

  async deleteReplica(request: streamV1.DeleteReplicaRequest__Output): Promise<void> {
    await this.deps.store.remove(request.extentId);
    this.deps.log.info({ extentId: request.extentId }, 'replica deleted');
  }

  /**
   * Copies a sealed replica here from another node. A second copy of the same extent while one
   * runs (a manager retrying a copy it gave up waiting for) is refused: UNAVAILABLE.
   */
  async copyReplica(request: streamV1.CopyReplicaRequest__Output): Promise<streamV1.ReplicaInfo> {
    if (this.copying.has(request.extentId)) throw new StreamError('UNAVAILABLE', `a copy of ${request.extentId} is running here already`);
    this.copying.add(request.extentId);
    let bytes: number;
    try {
      bytes = await copyReplica({ store: this.deps.store, nodes: this.deps.nodes, request });
    } finally {
      this.copying.delete(request.extentId);
    }
    this.deps.log.info({ extentId: request.extentId, bytes, from: request.source?.nodeId }, 'replica copied');
    return { extentId: request.extentId, lengthBytes: bytes, sealed: true, frozen: true };
  }

  nodeStats(): streamV1.NodeStats {
    return { ...this.stats };
  }

  /**
   * The whole blocks of a range of a replica in their on-disk bytes, each verified against its
   * checksum (the reader checks them again on arrival). A block that fails its checksum marks
   * the replica corrupt (served no more; the manager replaces it) and fails the read.
   */
  async *readRaw(request: { extentId: string; offset: number; lengthBytes: number }): AsyncGenerator<{ offset: number; bytes: Buffer }> {
    const { extentId, offset, lengthBytes } = request;
    try {
      const replica = this.deps.store.get(extentId);
      if (replica.meta.corrupt) throw new StreamError('CHECKSUM_MISMATCH', `the replica of ${extentId} here is corrupt`);
      this.stats.readCalls++;
      for await (const block of replica.file.readRaw(offset, lengthBytes)) {
        this.stats.readBytes += block.bytes.length;
        yield block;
      }
    } catch (error) {
      rethrowIfAssertion(error);
      if (isStrataError(error, ['CHECKSUM_MISMATCH']) && (await this.deps.store.markCorrupt(extentId))) {
        this.deps.log.error({ extentId, err: error }, 'read found a corrupt replica');
      }
      throw error;
    }
  }

  /** Serves one append session from `upstream` (see ChainAppendSession). */
  append(upstream: AppendUpstream): void {
    new ChainAppendSession(this.deps, upstream).start();
  }
}
