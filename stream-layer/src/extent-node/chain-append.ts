import { assert, rethrowIfAssertion, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import { APPEND_BYTES_MAX, BLOCK_DATA_BYTES_MAX, REPLICA_APPENDS_QUEUED_MAX } from '../limits.js';
import type { AppendAck, AppendChannel, AppendUpstream, ExtentNodes } from '../transport/extent-node-api.js';
import { blockChecksum, blockDiskBytes } from './block-format.js';
import type { AppendBlock } from './extent-file.js';
import type { ExtentStore, Replica } from './extent-store.js';

export interface ChainAppendDeps {
  nodeId: string;
  store: ExtentStore;
  addressOf: (nodeId: string) => string | undefined;
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

  private onRequest(request: streamV1.AppendRequest__Output): void {
    if (this.failed) return;
    try {
      const replica = this.resolveReplica(request.extentId);
      const blocks = checkedBlocks(request);
      const offset = Number(request.offset);
      const end = offset + blocks.reduce((sum, block) => sum + blockDiskBytes(block.data.length), 0);
      const entry: PendingAppend = { offset, end, localDurable: false, downstreamAcked: this.successorId === undefined };
      this.pending.push(entry);
      replica.file.append(offset, blocks).then(
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

  /** Sends an append to the successor as it arrived (see AppendChannel.send). */
  private forward(request: streamV1.AppendRequest__Output): void {
    if (!this.downstream) {
      const successorId = this.successorId as string;
      const address = this.deps.addressOf(successorId);
      if (!address) throw new StreamError('UNAVAILABLE', `successor ${successorId} is not registered`);
      this.downstream = this.deps.nodes.at(address).openAppend(
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

/** The request's blocks, each checked against the writer's CRC before anything is written. */
function checkedBlocks(request: streamV1.AppendRequest__Output): AppendBlock[] {
  if (request.blocks.length === 0) throw new StreamError('INVALID_ARGUMENT', 'an append needs at least one block');
  let total = 0;
  return request.blocks.map((block) => {
    if (block.data.length > BLOCK_DATA_BYTES_MAX)
      throw new StreamError('INVALID_ARGUMENT', `block of ${block.data.length} bytes exceeds ${BLOCK_DATA_BYTES_MAX}`);
    total += blockDiskBytes(block.data.length);
    if (total > APPEND_BYTES_MAX) throw new StreamError('INVALID_ARGUMENT', `append exceeds ${APPEND_BYTES_MAX} bytes`);
    if (blockChecksum(block.data) !== block.crc32c) throw new StreamError('CHECKSUM_MISMATCH', 'a block does not match its checksum');
    return { data: block.data, crc32c: block.crc32c };
  });
}
