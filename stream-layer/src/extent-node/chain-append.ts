import { assert, rethrowIfAssertion, type Logger } from '@strata/common';
import { StreamError } from '../errors.js';
import { APPEND_BYTES_MAX, BLOCK_DATA_BYTES_MAX, REPLICA_APPENDS_QUEUED_MAX } from '../limits.js';
import type { AppendAck, AppendChannel, AppendMessage, AppendUpstream, ExtentNodes, NodeAddress } from '../transport/extent-node-api.js';
import { bytesOf, walkEncodedBlocks } from './encoded-blocks.js';
import type { ExtentStore, Replica } from './extent-store.js';

export interface ChainAppendDeps {
  nodeId: string;
  store: ExtentStore;
  nodeOf: (nodeId: string) => NodeAddress | undefined;
  nodes: ExtentNodes;
  log: Logger;
  onWriteFailure: (error: unknown) => void;
}

interface PendingAppend {
  offset: number;
  end: number;
  localDurable: boolean;
  downstreamAcked: boolean;
}

/**
 * One append session at one replica of the chain. Each append is checked (offset, CRCs),
 * written here and forwarded to the successor at once, so the write, its fdatasync and the
 * next hop overlap. Its acknowledgement goes upstream, in request order, when it is durable
 * here and the successor has acknowledged it (the tail acknowledges when it is durable). Any
 * failure fails the whole session: the writer seals the extent and moves on, so a chain is
 * never repaired in place.
 */
export class ChainAppendSession {
  private readonly pending: PendingAppend[] = [];
  private replica: Replica | undefined;
  private successorId: string | undefined;
  private downstream: AppendChannel | undefined;
  private failed = false;
  private upstreamEnded = false;
  private paused = false;
  /** The end of the last acknowledgement sent upstream: they only grow. */
  private acknowledgedEnd = -1;

  constructor(
    private readonly deps: ChainAppendDeps,
    private readonly upstream: AppendUpstream,
  ) {}

  start(): void {
    this.upstream.start({
      onRequest: (request) => this.onRequest(request),
      onEnd: () => {
        this.upstreamEnded = true;
        this.flush();
      },
      onGone: () => this.fail(new StreamError('UNAVAILABLE', 'the sender went away'), false),
    });
  }

  private onRequest(request: AppendMessage): void {
    if (this.failed) return;
    try {
      const replica = this.resolveReplica(request.extentId);
      checkAppend(request.parts);
      const offset = Number(request.offset);
      const end = offset + bytesOf(request.parts);
      const entry: PendingAppend = { offset, end, localDurable: false, downstreamAcked: this.successorId === undefined };
      this.pending.push(entry);
      replica.file.append(offset, request.parts).then(
        () => {
          entry.localDurable = true;
          this.flush();
        },
        (error: unknown) => {
          rethrowIfAssertion(error);
          this.deps.onWriteFailure(error);
          this.fail(error);
        },
      );
      if (this.successorId !== undefined) this.forward(request);
      if (this.pending.length >= REPLICA_APPENDS_QUEUED_MAX && !this.paused) {
        this.paused = true;
        this.upstream.pause();
      }
    } catch (error) {
      rethrowIfAssertion(error);
      this.fail(error);
    }
  }

  private resolveReplica(extentId: string): Replica {
    if (this.replica) {
      if (extentId !== this.replica.meta.extentId) throw new StreamError('INVALID_ARGUMENT', 'one append session carries one extent');
      return this.replica;
    }
    const replica = this.deps.store.get(extentId);
    const position = replica.meta.chain.indexOf(this.deps.nodeId);
    if (position < 0) throw new StreamError('INVALID_ARGUMENT', `node ${this.deps.nodeId} is not in the chain of ${extentId}`);
    this.replica = replica;
    this.successorId = replica.meta.chain[position + 1];
    return replica;
  }

  /** Sends an append to the successor as the same slices it arrived in (see AppendChannel.send). */
  private forward(request: AppendMessage): void {
    if (!this.downstream) {
      const successorId = this.successorId as string;
      const successor = this.deps.nodeOf(successorId);
      if (!successor) throw new StreamError('UNAVAILABLE', `successor ${successorId} is not registered`);
      this.downstream = this.deps.nodes.at(successor).openAppend(
        {
          onAck: (ack) => this.onDownstreamAck(ack),
          onError: (error) => this.fail(error),
          onEnd: () => {
            if (this.pending.some((entry) => !entry.downstreamAcked)) this.fail(new StreamError('UNAVAILABLE', 'successor ended the session early'));
          },
        },
        this.upstream.requestId ? { requestId: this.upstream.requestId } : {},
      );
    }
    this.downstream.send(request);
  }

  private onDownstreamAck(ack: AppendAck): void {
    const entry = this.pending.find((candidate) => !candidate.downstreamAcked);
    if (!entry || entry.offset !== ack.offset || entry.end !== ack.end) {
      this.fail(new StreamError('INTERNAL', `successor acknowledged ${ack.offset}..${ack.end} out of order`));
      return;
    }
    entry.downstreamAcked = true;
    this.flush();
  }

  private flush(): void {
    if (this.failed) return;
    while (this.pending.length > 0 && this.pending[0]!.localDurable && this.pending[0]!.downstreamAcked) {
      const done = this.pending.shift()!;
      if (this.acknowledgedEnd >= 0) assert(done.offset === this.acknowledgedEnd, `acknowledging ${done.offset}..${done.end} after ${this.acknowledgedEnd}`);
      this.acknowledgedEnd = done.end;
      this.upstream.acknowledge({ offset: done.offset, end: done.end });
    }
    if (this.paused && this.pending.length < REPLICA_APPENDS_QUEUED_MAX / 2) {
      this.paused = false;
      this.upstream.resume();
    }
    if (this.upstreamEnded && this.pending.length === 0) {
      this.downstream?.end();
      this.upstream.end();
    }
  }

  private fail(error: unknown, reply = true): void {
    if (this.failed) return;
    this.failed = true;
    this.downstream?.cancel();
    const extentId = this.replica?.meta.extentId;
    this.deps.log.warn({ extentId, err: error }, 'chain append failed');
    if (reply) this.upstream.fail(error);
  }
}

/**
 * Checks an append before anything of it is written: whole blocks within the limits, each
 * payload matching the writer's CRC (the end-to-end checksum).
 */
function checkAppend(parts: readonly Buffer[]): void {
  const bytes = bytesOf(parts);
  if (bytes > APPEND_BYTES_MAX) throw new StreamError('INVALID_ARGUMENT', `append of ${bytes} bytes exceeds ${APPEND_BYTES_MAX}`);
  for (const block of walkEncodedBlocks(parts, { append: true })) {
    if (block.header.dataBytes > BLOCK_DATA_BYTES_MAX)
      throw new StreamError('INVALID_ARGUMENT', `block of ${block.header.dataBytes} bytes exceeds ${BLOCK_DATA_BYTES_MAX}`);
  }
}
