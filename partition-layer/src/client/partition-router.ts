import type * as grpc from '@grpc/grpc-js';
import {
  callMetadata,
  callOptions,
  CallPool,
  ClientPool,
  fromServiceError,
  ignoreError,
  isStrataError,
  rethrowIfAssertion,
  systemClock,
  unary,
  type CallContext,
  type Clock,
  type StrataError,
} from '@strata/common';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { PartitionError } from '../errors.js';
import { PARTITION_CALL_TIMEOUT_MS, ROUTE_RETRIES_MAX } from '../limits.js';
import type { Located, PartitionMap } from './partition-map.js';

type Client = partitionV1.PartitionServerClient;
const RETRYABLE = ['NOT_OWNER', 'PARTITION_LOADING', 'UNAVAILABLE'] as const;

export type Invoke<Reply> = (
  client: Client,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  done: (error: grpc.ServiceError | null, reply?: Reply) => void,
) => void;

/** Opens a client-streaming call whose reply arrives through `done`. */
export type OpenStream<Request, Reply> = (
  client: Client,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  done: (error: grpc.ServiceError | null, reply?: Reply) => void,
) => grpc.ClientWritableStream<Request>;

/** A streamed call whose header the partition server accepted. */
export interface OpenedStream<Request, Reply> {
  call: grpc.ClientWritableStream<Request>;
  reply: Promise<Reply>;
  failure: () => StrataError | undefined;
}

/**
 * Sends each call to the server owning its key in the front-end's partition map, and follows
 * the map when a partition moved, is loading, or its server is briefly unreachable.
 */
export class PartitionRouter {
  private readonly pool = new ClientPool(partitionServerProto().PartitionServer);
  private readonly calls: CallPool;

  constructor(
    readonly map: PartitionMap,
    clock: Clock = systemClock,
  ) {
    this.calls = new CallPool(clock);
  }

  /** A unary call to the partition holding `key`, retried on the map's next change when it moved. */
  async routed<Reply>(key: Buffer, requestId: string | undefined, invoke: Invoke<Reply>): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      const located = await this.locateWithOwner(key);
      try {
        return await this.call(located.address, requestId, invoke);
      } catch (error) {
        rethrowIfAssertion(error);
        if (!isStrataError(error, RETRYABLE) || attempt >= ROUTE_RETRIES_MAX) throw error;
        await this.map.changed(250 * (attempt + 1));
      }
    }
  }

  /**
   * A unary call of `method` to the partition holding `key`, retried like `routed` (or only on
   * the errors `retryable` takes): over the call transport when the owner has one (the calls on
   * every request's path; `CALL_METHODS`), else over gRPC. Both answer alike, typed errors included.
   */
  async routedCall<Request, Reply>(
    key: Buffer,
    requestId: string | undefined,
    method: grpc.MethodDefinition<Request, Reply>,
    request: Request,
    invoke: Invoke<Reply>,
    retryable: (error: StrataError) => boolean = () => true,
  ): Promise<Reply> {
    const context: CallContext = { timeoutMs: PARTITION_CALL_TIMEOUT_MS, ...(requestId ? { requestId } : {}) };
    for (let attempt = 0; ; attempt++) {
      const located = await this.locateWithOwner(key);
      try {
        if (located.callAddress) return await this.calls.unary(located.callAddress, method, request, context);
        return await this.call(located.address, requestId, invoke);
      } catch (error) {
        rethrowIfAssertion(error);
        if (!isStrataError(error, RETRYABLE) || !retryable(error) || attempt >= ROUTE_RETRIES_MAX) throw error;
        await this.map.changed(250 * (attempt + 1));
      }
    }
  }

  /**
   * Walks the partitions that hold keys in [start, end), in key order, calling `visit` on each
   * until it returns false. When a partition moved or split under the walk, the walk looks
   * the current partition up again from where it was (the visitor resumes by key).
   */
  async acrossPartitions(
    start: Buffer,
    end: Buffer | undefined,
    requestId: string | undefined,
    visit: (located: Located, call: <Reply>(invoke: Invoke<Reply>) => Promise<Reply>) => Promise<boolean>,
  ): Promise<void> {
    let cursor = start;
    for (let attempt = 0; ;) {
      const located = this.map.covering(cursor, end)[0];
      if (!located) return;
      let more: boolean;
      try {
        if (!located.address) throw new PartitionError('UNAVAILABLE', `partition ${located.partition.partitionId} has no live server`);
        more = await visit(located, (invoke) => this.call(located.address!, requestId, invoke));
      } catch (error) {
        rethrowIfAssertion(error);
        if (!isStrataError(error, RETRYABLE) || ++attempt > ROUTE_RETRIES_MAX) throw error;
        await this.map.changed(250 * attempt);
        continue;
      }
      if (!more || located.partition.highKey === '') return;
      cursor = Buffer.from(located.partition.highKey);
    }
  }

  /**
   * Opens a streamed upload to the partition holding `key` and waits until its server has
   * accepted the header (it sends its response headers then), so that a partition that moved,
   * is loading, or is quiesced for a split is retried elsewhere before a byte of the body is read.
   */
  async openStream<Request, Reply>(options: {
    key: Buffer;
    header: Request;
    open: OpenStream<Request, Reply>;
    timeoutMs: number;
    requestId?: string;
  }): Promise<OpenedStream<Request, Reply>> {
    const context: CallContext = { timeoutMs: options.timeoutMs, ...(options.requestId ? { requestId: options.requestId } : {}) };
    for (let attempt = 0; ; attempt++) {
      const located = await this.locateWithOwner(options.key);
      let failure: StrataError | undefined;
      let call!: grpc.ClientWritableStream<Request>;
      const reply = new Promise<Reply>((resolve, reject) => {
        call = options.open(this.pool.get(located.address), callMetadata(context), callOptions(context), (error, result) => {
          if (error) reject((failure = fromServiceError(error)));
          else resolve(result as Reply);
        });
      });
      // Its failure is kept in `failure` and read below; the caller awaits `reply` itself.
      reply.catch(ignoreError);
      call.write(options.header);
      const accepted = await new Promise<boolean>((resolve) => {
        call.once('metadata', () => resolve(true));
        reply.then(
          () => resolve(true),
          (error: unknown) => {
            rethrowIfAssertion(error);
            resolve(false);
          },
        );
      });
      if (accepted) return { call, reply, failure: () => failure };
      if (!isStrataError(failure, RETRYABLE) || attempt >= ROUTE_RETRIES_MAX) throw failure;
      await this.map.changed(250 * (attempt + 1));
    }
  }

  private async locateWithOwner(key: Buffer): Promise<Located & { address: string }> {
    for (let attempt = 0; attempt <= ROUTE_RETRIES_MAX; attempt++) {
      const located = this.map.locate(key);
      if (located?.address) return located as Located & { address: string };
      await this.map.changed(250 * (attempt + 1));
    }
    throw new PartitionError('UNAVAILABLE', 'no live partition server holds the key');
  }

  private call<Reply>(address: string, requestId: string | undefined, invoke: Invoke<Reply>): Promise<Reply> {
    const context: CallContext = { timeoutMs: PARTITION_CALL_TIMEOUT_MS, ...(requestId ? { requestId } : {}) };
    return unary<Reply>((done) => invoke(this.pool.get(address), callMetadata(context), callOptions(context), done));
  }

  close(): void {
    this.pool.close();
    this.calls.close();
  }
}

/** An upload may take long; give it time in proportion to its size (at least 1 MiB/s). */
export function uploadTimeoutMs(expectedBytes: number | undefined): number {
  return expectedBytes === undefined ? 3_600_000 : PARTITION_CALL_TIMEOUT_MS + Math.ceil(expectedBytes / (1024 * 1024)) * 1_000;
}

/**
 * Sends the body messages of an opened stream with flow control, then — only once `commit`
 * resolves with the commit message (the front-end's last checks of the body) — the commit.
 * Anything thrown before it cancels the call, and nothing is stored.
 */
export async function sendStream<Request, Reply>(
  opened: OpenedStream<Request, Reply>,
  body: AsyncIterable<Request>,
  commit: () => Promise<Request>,
): Promise<Reply> {
  const { call, reply } = opened;
  try {
    for await (const message of body) {
      if (opened.failure()) throw opened.failure();
      if (!call.write(message)) await drainOrFail(call, reply);
    }
    const last = await commit();
    if (opened.failure()) throw opened.failure();
    call.write(last);
    call.end();
  } catch (error) {
    rethrowIfAssertion(error);
    call.cancel();
    throw error;
  }
  return reply;
}

function drainOrFail<Request>(call: grpc.ClientWritableStream<Request>, reply: Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    call.once('drain', resolve);
    reply.then(
      () => resolve(),
      (error: unknown) => {
        rethrowIfAssertion(error);
        reject(error);
      },
    );
  });
}
