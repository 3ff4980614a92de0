import type * as grpc from '@grpc/grpc-js';
import { callMetadata, callOptions, ClientPool, isStrataError, leaderOf, unary, type Clock, type Etcd3, type Logger, rethrowIfAssertion } from '@strata/common';
import { streamManagerProto, type streamV1 } from '@strata/protos';
import { streamKeys } from '../etcd-keys.js';
import { StreamError } from '../errors.js';
import { MANAGER_CALL_TIMEOUT_MS } from '../limits.js';

type Invoke<Reply> = (
  client: streamV1.StreamManagerClient,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  done: (error: grpc.ServiceError | null, reply?: Reply) => void,
) => void;

const RETRYABLE = ['NOT_LEADER', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'] as const;

/** What a stream's writer asks of the stream manager (the simulation answers it too). */
export type StreamManagerApi = Pick<StreamManagerClient, 'getStream' | 'sealExtent'>;

/**
 * The typed client of the stream manager. Finds the current leader through its etcd election
 * and follows it: a call that meets a standby or a dead leader looks the leader up again and
 * retries until its deadline.
 */
export class StreamManagerClient {
  private readonly pool = new ClientPool(streamManagerProto().StreamManager);
  private leaderAddress: string | undefined;

  constructor(private readonly deps: { etcd: Etcd3; prefix: string; clock: Clock; log: Logger }) {}

  /** Creates a stream (or returns the one with this name), starting with `sharedExtentIds` (sealed) if given. */
  createStream(name: string, sharedExtentIds: readonly string[] = []): Promise<streamV1.StreamInfo__Output> {
    return this.call((client, metadata, options, done) => client.createStream({ name, extentIds: [...sharedExtentIds] }, metadata, options, done));
  }

  getStream(streamId: string): Promise<streamV1.StreamInfo__Output> {
    return this.call((client, metadata, options, done) => client.getStream({ streamId }, metadata, options, done));
  }

  /**
   * Seals `extentId` if it is still the stream's last extent and returns the stream, whose last
   * extent is then a fresh one. `writer` is the caller's writer epoch, or (`takeOver`) the epoch
   * it claims by sealing whatever extent is last; a stale epoch fails with WRITER_FENCED.
   */
  sealExtent(streamId: string, extentId: string, writer: { epoch: number; takeOver: boolean }): Promise<streamV1.StreamInfo__Output> {
    return this.call((client, metadata, options, done) =>
      client.sealExtent({ streamId, extentId, writerEpoch: writer.epoch, takeOver: writer.takeOver }, metadata, options, done),
    );
  }

  async listStreams(): Promise<streamV1.StreamInfo__Output[]> {
    const reply = await this.call<streamV1.ListStreamsResponse__Output>((client, metadata, options, done) => client.listStreams({}, metadata, options, done));
    return reply.streams;
  }

  /** Forgets a stream; extents no other stream references are collected later. */
  async deleteStream(streamId: string): Promise<void> {
    await this.call((client, metadata, options, done) => client.deleteStream({ streamId }, metadata, options, done));
  }

  /** Drops sealed extents (not the last) from a stream; see StreamManager.ReleaseExtents. */
  releaseExtents(streamId: string, extentIds: readonly string[]): Promise<streamV1.StreamInfo__Output> {
    return this.call((client, metadata, options, done) => client.releaseExtents({ streamId, extentIds: [...extentIds] }, metadata, options, done));
  }

  /**
   * Keeps the extents from collection for `holder`, all or none; fails with
   * EXTENT_COLLECTING (or EXTENT_NOT_FOUND) when one is already condemned (or gone).
   */
  async holdExtents(holder: string, extentIds: readonly string[]): Promise<void> {
    if (extentIds.length === 0) return;
    await this.call((client, metadata, options, done) => client.holdExtents({ holder, extentIds: [...extentIds] }, metadata, options, done));
  }

  async releaseHolds(holder: string, extentIds: readonly string[]): Promise<void> {
    if (extentIds.length === 0) return;
    await this.call((client, metadata, options, done) => client.releaseHolds({ holder, extentIds: [...extentIds] }, metadata, options, done));
  }

  /** Every extent somebody (or `holder`, if given) holds, with its holds. */
  async heldExtents(holder = ''): Promise<streamV1.ExtentInfo__Output[]> {
    const reply = await this.call<streamV1.ListHeldExtentsResponse__Output>((client, metadata, options, done) =>
      client.listHeldExtents({ holder }, metadata, options, done),
    );
    return reply.extents;
  }

  getExtent(extentId: string): Promise<streamV1.ExtentInfo__Output> {
    return this.call((client, metadata, options, done) => client.getExtent({ extentId }, metadata, options, done));
  }

  private async call<Reply>(invoke: Invoke<Reply>): Promise<Reply> {
    const deadline = this.deps.clock.monotonicMs() + MANAGER_CALL_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      const remainingMs = deadline - this.deps.clock.monotonicMs();
      try {
        const address = this.leaderAddress ?? (await this.findLeader());
        const context = { timeoutMs: Math.max(1, remainingMs) };
        return await unary<Reply>((done) => invoke(this.pool.get(address), callMetadata(context), callOptions(context), done));
      } catch (error) {
        rethrowIfAssertion(error);
        if (!isStrataError(error, RETRYABLE) || this.deps.clock.monotonicMs() >= deadline) throw error;
        this.leaderAddress = undefined;
        await this.deps.clock.sleep(Math.min(1_000, 50 * 2 ** attempt));
      }
    }
  }

  private async findLeader(): Promise<string> {
    const address = await leaderOf(this.deps.etcd, streamKeys(this.deps.prefix).managerElection);
    if (!address) throw new StreamError('UNAVAILABLE', 'no stream manager is leader');
    this.leaderAddress = address;
    return address;
  }

  close(): void {
    this.pool.close();
  }
}
