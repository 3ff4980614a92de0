import type * as grpc from '@grpc/grpc-js';
import {
  callMetadata,
  fromServiceError,
  messageBytesOf,
  passThroughBidiStream,
  requestIdOf,
  toServiceError,
  type ClientPool,
  type Logger,
} from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import { STREAM_ERROR_STATUS, StreamError } from '../errors.js';
import { APPEND_BYTES_MAX, BLOCK_DATA_BYTES_MAX, REPLICA_APPENDS_QUEUED_MAX } from '../limits.js';
import type { NodeDirectory } from '../client/node-directory.js';
import { blockChecksum, blockDiskBytes } from './block-format.js';
import type { AppendBlock } from './extent-file.js';
import type { ExtentStore, Replica } from './extent-store.js';

type AppendCall = grpc.ServerDuplexStream<streamV1.AppendRequest__Output, streamV1.AppendResponse>;
// Appends go down the chain as the bytes they arrived in (see forward).
type DownstreamCall = grpc.ClientDuplexStream<Buffer, streamV1.AppendResponse__Output>;

export interface ChainAppendDeps {
  nodeId: string;
  store: ExtentStore;
  directory: NodeDirectory;
  peers: ClientPool<streamV1.ExtentNodeClient>;
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
 * One Append call at one replica of the chain. Each append is checked (offset, CRCs), written
 * here and forwarded to the successor at once, so the write, its fdatasync and the next hop
 * overlap. Its reply goes upstream, in request order, when it is durable here and the
 * successor has replied for it (the tail replies when it is durable). Any failure fails the
 * whole call: the writer seals the extent and moves on, so a chain is never repaired in place.
 */
export class ChainAppendSession {
  private readonly pending: PendingAppend[] = [];
  private replica: Replica | undefined;
  private successorId: string | undefined;
  private downstream: DownstreamCall | undefined;
  private failed = false;
  private upstreamEnded = false;
  private paused = false;

  constructor(
    private readonly deps: ChainAppendDeps,
    private readonly call: AppendCall,
  ) {}

  start(): void {
    this.call.on('data', (request: streamV1.AppendRequest__Output) => this.onRequest(request));
    this.call.on('end', () => {
      this.upstreamEnded = true;
      this.flush();
    });
    this.call.on('cancelled', () => this.fail(new StreamError('UNAVAILABLE', 'writer cancelled'), false));
    this.call.on('error', () => this.fail(new StreamError('UNAVAILABLE', 'upstream failed'), false));
  }

  private onRequest(request: streamV1.AppendRequest__Output): void {
    if (this.failed) return;
    try {
      const replica = this.resolveReplica(request.extentId);
      const blocks = checkedBlocks(request);
      const forwarded = this.successorId === undefined ? undefined : bytesToForward(request);
      const end = request.offset + blocks.reduce((sum, block) => sum + blockDiskBytes(block.data.length), 0);
      const entry: PendingAppend = { offset: request.offset, end, localDurable: false, downstreamAcked: this.successorId === undefined };
      this.pending.push(entry);
      replica.file.append(request.offset, blocks).then(
        () => {
          entry.localDurable = true;
          this.flush();
        },
        (error: unknown) => {
          this.deps.onWriteFailure(error);
          this.fail(error);
        },
      );
      if (forwarded) this.forward(forwarded);
      if (this.pending.length >= REPLICA_APPENDS_QUEUED_MAX && !this.paused) {
        this.paused = true;
        this.call.pause();
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private resolveReplica(extentId: string): Replica {
    if (this.replica) {
      if (extentId !== this.replica.meta.extentId) throw new StreamError('INVALID_ARGUMENT', 'one Append call carries one extent');
      return this.replica;
    }
    const replica = this.deps.store.get(extentId);
    const position = replica.meta.chain.indexOf(this.deps.nodeId);
    if (position < 0) throw new StreamError('INVALID_ARGUMENT', `node ${this.deps.nodeId} is not in the chain of ${extentId}`);
    this.replica = replica;
    this.successorId = replica.meta.chain[position + 1];
    return replica;
  }

  /**
   * Sends an append to the successor as the exact bytes it arrived in: decoding it was only to
   * check it (the blocks are views into those bytes, and each block's CRC was verified above),
   * and re-encoding it would copy every payload byte once more.
   */
  private forward(bytes: Buffer): void {
    if (!this.downstream) {
      const successorId = this.successorId as string;
      const address = this.deps.directory.addressOf(successorId);
      if (!address) throw new StreamError('UNAVAILABLE', `successor ${successorId} is not registered`);
      const requestId = requestIdOf(this.call);
      const metadata = callMetadata({ timeoutMs: 0, ...(requestId ? { requestId } : {}) });
      const downstream = passThroughBidiStream(this.deps.peers.get(address), extentNodeProto().ExtentNode.service.Append, metadata);
      downstream.on('data', (reply: streamV1.AppendResponse__Output) => this.onDownstreamReply(reply));
      downstream.on('error', (error) => this.fail(fromServiceError(error)));
      downstream.on('end', () => {
        if (this.pending.some((entry) => !entry.downstreamAcked)) this.fail(new StreamError('UNAVAILABLE', 'successor ended the call early'));
      });
      this.downstream = downstream;
    }
    this.downstream.write(bytes);
  }

  private onDownstreamReply(reply: streamV1.AppendResponse__Output): void {
    const entry = this.pending.find((candidate) => !candidate.downstreamAcked);
    if (!entry || entry.offset !== reply.offset || entry.end !== reply.end) {
      this.fail(new StreamError('INTERNAL', `successor acknowledged ${reply.offset}..${reply.end} out of order`));
      return;
    }
    entry.downstreamAcked = true;
    this.flush();
  }

  private flush(): void {
    if (this.failed) return;
    while (this.pending.length > 0 && this.pending[0]!.localDurable && this.pending[0]!.downstreamAcked) {
      const done = this.pending.shift()!;
      this.call.write({ offset: done.offset, end: done.end });
    }
    if (this.paused && this.pending.length < REPLICA_APPENDS_QUEUED_MAX / 2) {
      this.paused = false;
      this.call.resume();
    }
    if (this.upstreamEnded && this.pending.length === 0) {
      this.downstream?.end();
      this.call.end();
    }
  }

  private fail(error: unknown, reply = true): void {
    if (this.failed) return;
    this.failed = true;
    this.downstream?.cancel();
    const extentId = this.replica?.meta.extentId;
    this.deps.log.warn({ extentId, err: error }, 'chain append failed');
    if (reply) this.call.emit('error', toServiceError(error, STREAM_ERROR_STATUS));
  }
}

/** The bytes `request` was decoded from, which the extent node's Append method keeps. */
function bytesToForward(request: streamV1.AppendRequest__Output): Buffer {
  const bytes = messageBytesOf(request);
  if (!bytes) throw new StreamError('INTERNAL', 'the Append method must keep its request bytes (keepingRequestBytes) to forward them');
  return bytes;
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
