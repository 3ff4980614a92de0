import type { CallContext } from '@strata/common';
import type { streamV1 } from '@strata/protos';

/**
 * One append as it travels down a chain: its blocks in their on-disk encoding (headers and
 * payloads, see block-format.ts), as any number of slices. Writers encode an append once; a
 * chain node checks it, writes those bytes and forwards the same slices, never re-encoding.
 */
export interface AppendMessage {
  extentId: string;
  offset: number;
  parts: Buffer[];
}

/** Where an extent node is: its control (gRPC) address and its block transport's address. */
export interface NodeAddress {
  address: string;
  /** Where appends and reads go; a node without one (not yet registered) cannot take them. */
  dataAddress?: string;
}

/** An append's acknowledgement: the replica (and every one after it in the chain) holds [offset, end) durably. */
export interface AppendAck {
  offset: number;
  end: number;
}

/** What the sender of an append session hears back. */
export interface AppendHandlers {
  /** One acknowledgement, in the order the appends were sent. */
  onAck(ack: AppendAck): void;
  /** The session failed; no further acknowledgement comes. */
  onError(error: Error): void;
  /** The node ended the session (after acknowledging everything it will). */
  onEnd(): void;
}

/** The sending side of one append session with one extent node. */
export interface AppendChannel {
  /** Sends one append (the same extent for the whole session). */
  send(append: AppendMessage): void;
  /** No more appends: the node ends the session after its last acknowledgement. */
  end(): void;
  /** Abandons the session now. */
  cancel(): void;
}

/**
 * One extent node, as its callers (writers, readers, the stream manager, other nodes) see it,
 * whatever carries the calls: gRPC today, the simulation's network in its tests. Every call
 * has a deadline; failures are StrataErrors with the node's code or a transport code.
 */
export interface ExtentNodeApi {
  createExtent(request: streamV1.CreateExtentRequest, context: CallContext): Promise<void>;
  /** A replica's length; with `freeze`, the first step of a seal (see ExtentFile.freeze). */
  replicaInfo(request: streamV1.GetReplicaInfoRequest, context: CallContext): Promise<streamV1.ReplicaInfo__Output>;
  sealReplica(request: streamV1.SealReplicaRequest, context: CallContext): Promise<streamV1.ReplicaInfo__Output>;
  listReplicas(context: CallContext): Promise<streamV1.ListReplicasResponse__Output>;
  deleteReplica(request: streamV1.DeleteReplicaRequest, context: CallContext): Promise<void>;
  copyReplica(request: streamV1.CopyReplicaRequest, context: CallContext): Promise<streamV1.ReplicaInfo__Output>;
  nodeStats(context: CallContext): Promise<streamV1.NodeStats__Output>;
  /**
   * The blocks of a range, in order, each checked against its CRC32C on arrival (so a reader
   * never passes on a block damaged on the way); breaking out of the loop ends the read.
   */
  readBlocks(request: { extentId: string; offset: number; lengthBytes: number }, context: CallContext): AsyncIterable<ReadBlock>;
  /** Opens an append session (no deadline: it lives as long as its writer keeps it). */
  openAppend(handlers: AppendHandlers, options: { requestId?: string }): AppendChannel;
}

/**
 * One block of a read: where it starts in the extent, and its (checked) payload as the slices of
 * the socket chunks it arrived in (never joined: a reader that streams them on copies nothing;
 * `joinParts` makes one Buffer for one that needs it).
 */
export interface ReadBlock {
  offset: number;
  parts: Buffer[];
  dataBytes: number;
  flags: number;
}

/** A block's payload slices as one Buffer (a copy unless there is only one slice). */
export function joinParts(parts: readonly Buffer[]): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** How a process reaches extent nodes: long-lived connections per node, made on first use. */
export interface ExtentNodes {
  /** The node at `node` (as registered in the node directory, and in an extent's replicas). */
  at(node: NodeAddress): ExtentNodeApi;
  close(): void;
}

/**
 * The extent node's side of one append session: where its requests come from and where its
 * acknowledgements go.
 */
export interface AppendUpstream {
  /** The request id the sender carried, for logs and for the next hop. */
  readonly requestId: string | undefined;
  /** Starts delivering the sender's requests. `onGone` when the sender went away. */
  start(handlers: { onRequest(append: AppendMessage): void; onEnd(): void; onGone(): void }): void;
  acknowledge(ack: AppendAck): void;
  /** Fails the session: the sender's onError. */
  fail(error: unknown): void;
  /** Ends the session after the last acknowledgement. */
  end(): void;
  /** Back-pressure: stop and start reading requests. */
  pause(): void;
  resume(): void;
}
