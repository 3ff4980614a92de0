import { assert, rethrowIfAssertion, type Clock, type Logger, type Random } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { NodeView } from '../client/node-directory.js';
import type { ExtentNodeApi, ExtentNodes } from '../transport/extent-node-api.js';
import { StreamError } from '../errors.js';
import { NODE_CONTROL_TIMEOUT_MS } from '../limits.js';
import { fenced, isHeld, type ExtentRecord, type MetadataStore, type StreamRecord, type WriterClaim } from './metadata-store.js';
import { placeChain } from './placement.js';

export interface StreamManagerDeps {
  metadata: MetadataStore;
  directory: NodeView;
  nodes: ExtentNodes;
  replicaCount: number;
  random: Random;
  clock: Clock;
  log: Logger;
  /** Whether a member of an extent's replica set looked healthy in the last repair poll. */
  healthy?: (extent: ExtentRecord, nodeId: string) => boolean;
  /** The shortest replica length the last repair poll saw. */
  reportedLength?: (extent: ExtentRecord) => number;
}

/** Placement attempts when chosen nodes turn out unreachable or full (a dead node stays registered until its lease ends). */
const ALLOCATION_ATTEMPTS_MAX = 4;

const control = { timeoutMs: NODE_CONTROL_TIMEOUT_MS };

/**
 * The stream manager's domain: streams, extents, placement and seal. The single authority
 * on an extent's commit length; off the data path.
 */
export class StreamManager {
  /** Seals in progress per stream: one at a time, later callers share the result. */
  private readonly sealing = new Map<string, Promise<streamV1.StreamInfo>>();

  constructor(private readonly deps: StreamManagerDeps) {}

  /** See StreamManager.CreateStream in stream_manager.proto. */
  async createStream(name: string, sharedExtentIds: readonly string[] = []): Promise<streamV1.StreamInfo> {
    if (!/^[\w./-]{1,200}$/.test(name)) throw new StreamError('INVALID_ARGUMENT', `bad stream name ${JSON.stringify(name)}`);
    const existing = await this.deps.metadata.streamIdByName(name);
    if (existing) return this.streamInfo(existing);
    for (const shared of await this.deps.metadata.extents(sharedExtentIds)) {
      if (!shared.sealed) throw new StreamError('INVALID_ARGUMENT', `extent ${shared.extentId} is not sealed and cannot be shared`);
    }
    const extent = await this.allocateExtent();
    const streamId = await this.deps.metadata.nextId('stream');
    const winner = await this.deps.metadata.createStream({ streamId, name, extentIds: [...sharedExtentIds, extent.extentId] }, extent);
    this.deps.log.info({ streamId: winner, name, extentId: extent.extentId }, 'stream created');
    return this.streamInfo(winner);
  }

  async streamInfo(streamId: string): Promise<streamV1.StreamInfo> {
    const stream = await this.deps.metadata.stream(streamId);
    return this.describe(stream);
  }

  async listStreams(): Promise<streamV1.StreamInfo[]> {
    const streams = await this.deps.metadata.allStreams();
    return Promise.all(streams.map((stream) => this.describe(stream)));
  }

  /** See StreamManager.DeleteStream in stream_manager.proto. */
  async deleteStream(streamId: string): Promise<void> {
    await this.deps.metadata.deleteStream(streamId);
    this.deps.log.info({ streamId }, 'stream deleted');
  }

  /** See StreamManager.ReleaseExtents in stream_manager.proto. */
  async releaseExtents(streamId: string, extentIds: readonly string[]): Promise<streamV1.StreamInfo> {
    const stream = await this.deps.metadata.releaseExtents(streamId, extentIds);
    this.deps.log.info({ streamId, extentIds }, 'extents released from stream');
    return this.describe(stream);
  }

  /** See StreamManager.HoldExtents in stream_manager.proto. */
  async holdExtents(holder: string, extentIds: readonly string[]): Promise<void> {
    if (!/^[\w.-]{1,100}$/.test(holder)) throw new StreamError('INVALID_ARGUMENT', `bad holder ${JSON.stringify(holder)}`);
    await this.deps.metadata.holdExtents(holder, extentIds, this.deps.clock.nowMs());
    this.deps.log.info({ holder, extentIds }, 'extents held');
  }

  /** See StreamManager.ReleaseHolds in stream_manager.proto. */
  async releaseHolds(holder: string, extentIds: readonly string[]): Promise<void> {
    await this.deps.metadata.releaseHolds(holder, extentIds);
    this.deps.log.info({ holder, extentIds }, 'holds released');
  }

  /** Every extent somebody (or `holder`, if given) holds. */
  async heldExtents(holder = ''): Promise<streamV1.ExtentInfo[]> {
    const held = (await this.deps.metadata.allExtents()).filter((extent) => (holder ? extent.holds?.[holder] !== undefined : isHeld(extent)));
    return held.map((extent) => this.describeExtent(extent));
  }

  async extentInfo(extentId: string): Promise<streamV1.ExtentInfo> {
    return this.describeExtent(await this.deps.metadata.extent(extentId));
  }

  /** See StreamManager.SealExtent in stream_manager.proto. */
  sealExtent(streamId: string, extentId: string, writer: WriterClaim): Promise<streamV1.StreamInfo> {
    const running = this.sealing.get(streamId);
    if (running) {
      const again = (): Promise<streamV1.StreamInfo> => this.sealExtent(streamId, extentId, writer);
      return running.then(again, again);
    }
    const seal = this.sealLast(streamId, extentId, writer).finally(() => this.sealing.delete(streamId));
    this.sealing.set(streamId, seal);
    return seal;
  }

  private async sealLast(streamId: string, extentId: string, writer: WriterClaim): Promise<streamV1.StreamInfo> {
    const stream = await this.deps.metadata.stream(streamId);
    const epoch = stream.writerEpoch ?? 0;
    // Checked again in the transaction that records the seal; checked here so that a fenced
    // writer freezes no replica of its successor's extent.
    if (writer.epoch !== (writer.takeOver ? epoch + 1 : epoch)) throw fenced(streamId, writer.epoch, epoch);
    const lastId = stream.extentIds.at(-1);
    const last = lastId ? await this.deps.metadata.extent(lastId) : undefined;
    assert(last, `stream ${streamId} has no extent`);
    // The current writer asking again after a lost answer: the fresh extent is its own.
    if (!writer.takeOver && last.extentId !== extentId) return this.describe(stream);
    let sealed = last;
    if (!last.sealed) {
      const lengthBytes = await this.commitLength(last);
      await Promise.all(
        last.replicas.map((nodeId) =>
          this.onNode(nodeId, (node) => node.sealReplica({ extentId: last.extentId, lengthBytes }, control)).catch((error: unknown) => {
            rethrowIfAssertion(error);
            this.deps.log.warn({ extentId: last.extentId, nodeId, err: error }, 'replica not sealed; repair will reconcile it');
          }),
        ),
      );
      sealed = { ...last, sealed: true, sealedLengthBytes: lengthBytes };
    }
    // The seal is recorded even when no node has room for a new extent: the stream then ends
    // sealed (readable, fenced) and the next seal call appends the new extent.
    const next = await this.allocateExtent().catch(async (error: unknown) => {
      rethrowIfAssertion(error);
      if (!last.sealed || writer.takeOver) await this.deps.metadata.sealAndAppend({ streamId, sealed, writer });
      this.deps.log.warn({ streamId, extentId: last.extentId, err: error }, 'extent sealed; no new extent placed');
      throw error;
    });
    const recorded = await this.deps.metadata.sealAndAppend({ streamId, sealed, next, writer });
    // Only another manager (a failover) could have changed the stream meanwhile: the taker
    // cannot know its epoch holds, so it asks again.
    if (!recorded && writer.takeOver) throw new StreamError('UNAVAILABLE', `stream ${streamId} changed during its take-over`);
    this.deps.log.info(
      { streamId, extentId: last.extentId, lengthBytes: sealed.sealedLengthBytes, nextExtentId: next.extentId, recorded, writerEpoch: writer.epoch },
      'extent sealed',
    );
    return this.streamInfo(streamId);
  }

  /**
   * Freezes every reachable replica and takes the shortest length: every acknowledged append
   * is on all replicas, and a frozen replica acknowledges nothing past what it reported.
   */
  private async commitLength(extent: ExtentRecord): Promise<number> {
    const lengths = await Promise.all(
      extent.replicas.map((nodeId) =>
        this.onNode(nodeId, (node) => node.replicaInfo({ extentId: extent.extentId, freeze: true }, control)).then(
          (info) => info.lengthBytes,
          (error: unknown) => {
            rethrowIfAssertion(error);
            this.deps.log.warn({ extentId: extent.extentId, nodeId, err: error }, 'replica unreachable during seal');
            return undefined;
          },
        ),
      ),
    );
    const reachable = lengths.filter((length): length is number => length !== undefined);
    if (reachable.length === 0) throw new StreamError('UNAVAILABLE', `no replica of ${extent.extentId} is reachable to seal it`);
    return Math.min(...reachable);
  }

  /**
   * Places a new extent and creates its replicas. A node that refuses or cannot be reached is
   * left out and the extent placed again elsewhere.
   */
  private async allocateExtent(): Promise<ExtentRecord> {
    const excluded = new Set<string>();
    for (let attempt = 1; ; attempt++) {
      // A fresh id each attempt: replicas a failed attempt did create are garbage the repairer collects.
      const extentId = await this.deps.metadata.nextId('extent');
      const nodes = this.deps.directory.liveNodes().filter((node) => !node.full);
      const chain = placeChain({ nodes, count: this.deps.replicaCount, random: this.deps.random, exclude: excluded });
      const replicas = chain.map((node) => ({ nodeId: node.nodeId, address: node.address }));
      const results = await Promise.allSettled(chain.map((node) => this.onNode(node.nodeId, (api) => api.createExtent({ extentId, replicas }, control))));
      const failed = chain.filter((_, i) => results[i]!.status === 'rejected');
      if (failed.length === 0) {
        return { extentId, replicas: chain.map((node) => node.nodeId), sealed: false, sealedLengthBytes: 0, createdMs: this.deps.clock.nowMs() };
      }
      for (const node of failed) excluded.add(node.nodeId);
      this.deps.log.warn({ extentId, failed: failed.map((node) => node.nodeId), attempt }, 'extent placement failed on some nodes; placing again');
      // Replicas a failed placement did create are garbage either way: the repairer deletes what this misses.
      void Promise.allSettled(
        chain.filter((node) => !failed.includes(node)).map((node) => this.onNode(node.nodeId, (api) => api.deleteReplica({ extentId }, control))),
      );
      if (attempt >= ALLOCATION_ATTEMPTS_MAX) throw (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    }
  }

  private onNode<Reply>(nodeId: string, call: (node: ExtentNodeApi) => Promise<Reply>): Promise<Reply> {
    const node = this.deps.directory.nodeOf(nodeId);
    if (!node) return Promise.reject(new StreamError('UNAVAILABLE', `extent node ${nodeId} is not registered`));
    return call(this.deps.nodes.at(node));
  }

  private async describe(stream: StreamRecord): Promise<streamV1.StreamInfo> {
    const extents = await this.deps.metadata.extents(stream.extentIds);
    return {
      streamId: stream.streamId,
      name: stream.name,
      extents: extents.map((extent) => this.describeExtent(extent)),
      writerEpoch: stream.writerEpoch ?? 0,
    };
  }

  private describeExtent(extent: ExtentRecord): streamV1.ExtentInfo {
    return {
      extentId: extent.extentId,
      replicas: extent.replicas.map((nodeId) => {
        const node = this.deps.directory.nodeOf(nodeId);
        return { nodeId, address: node?.address ?? '', dataAddress: node?.dataAddress ?? '', healthy: this.deps.healthy?.(extent, nodeId) ?? false };
      }),
      sealed: extent.sealed,
      sealedLengthBytes: extent.sealedLengthBytes,
      lengthBytes: extent.sealed ? extent.sealedLengthBytes : (this.deps.reportedLength?.(extent) ?? 0),
      holds: Object.entries(extent.holds ?? {}).map(([holder, heldMs]) => ({ holder, heldMs })),
    };
  }
}
