import { AssertionFailure, StrataError, isStrataError, type CallContext } from '@strata/common';
import type { ExtentNodeService } from '../extent-node/extent-node-service.js';
import { walkEncodedBlocks } from '../extent-node/encoded-blocks.js';
import type {
  AppendAck,
  AppendChannel,
  AppendHandlers,
  AppendMessage,
  AppendUpstream,
  ExtentNodeApi,
  ExtentNodes,
  NodeAddress,
  ReadBlock,
} from '../transport/extent-node-api.js';
import type { Prng } from './prng.js';
import type { SimProcess, SimWorld } from './world.js';

/** The network's timing and faults, drawn from the seed. */
export interface NetworkProfile {
  latencyMs: () => number;
  /** Chance that a unary request or its reply is lost (the caller then waits out its deadline). */
  dropRate: number;
  /** Chance, per message on a stream, that the connection breaks there. */
  breakRate: number;
}

/** How long a caller waits to learn that a peer process is gone (a reset connection). */
const RESET_MS = 1;

/**
 * The simulated network between processes: unary calls and ordered streams, each message
 * delivered after a latency on the receiving process (so a crashed receiver never sees it),
 * with lost requests and replies, broken streams and cut links. Calls across a cut link hang
 * until their deadline, as with a peer that stopped answering.
 */
export class SimNetwork {
  private readonly cuts = new Map<string, number>();
  private readonly channels = new Set<SimStream>();

  constructor(
    readonly world: SimWorld,
    readonly random: Prng,
    readonly profile: NetworkProfile,
  ) {}

  private static link(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  /** Cuts the link between two processes for `forMs`; streams across it break. */
  cut(a: SimProcess, b: SimProcess, forMs: number): void {
    this.cuts.set(SimNetwork.link(a.id, b.id), this.world.nowMs + forMs);
    for (const channel of this.channels) if (channel.joins(a, b)) channel.breakAfter(this.random.between(1, 1_000));
  }

  /** Ends every fault: links back, no more lost messages or broken streams. */
  healAll(): void {
    this.cuts.clear();
    this.profile.dropRate = 0;
    this.profile.breakRate = 0;
  }

  isCut(a: SimProcess, b: SimProcess): boolean {
    const until = this.cuts.get(SimNetwork.link(a.id, b.id));
    return until !== undefined && until > this.world.nowMs;
  }

  /** A process crashed: every stream it was part of breaks. */
  crashed(process: SimProcess): void {
    for (const channel of this.channels) if (channel.involves(process)) channel.breakAfter(RESET_MS);
  }

  /**
   * A unary call from `from` to `to`, run by `handle` on `to`: resolves with its reply, or
   * rejects with its typed error, UNAVAILABLE (peer down) or DEADLINE_EXCEEDED.
   */
  unary<Reply>(from: SimProcess, to: SimProcess, context: CallContext, handle: () => Promise<Reply>): Promise<Reply> {
    // Answers go to the incarnation of the caller that asked: one that crashed never hears back.
    const caller = from.incarnation;
    return new Promise<Reply>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        deadline.cancel();
        outcome();
      };
      const deadline = this.world.schedule(from, context.timeoutMs, () =>
        finish(() => reject(new StrataError('DEADLINE_EXCEEDED', `no answer from ${to.id} within ${context.timeoutMs} ms`))),
      );
      if (this.isCut(from, to)) return;
      if (!to.up) {
        this.world.schedule(from, RESET_MS, () => finish(() => reject(new StrataError('UNAVAILABLE', `${to.id} is down`))));
        return;
      }
      if (this.random.chance(this.profile.dropRate)) return;
      this.world.schedule(to, this.profile.latencyMs(), () => {
        handle().then(
          (reply) => this.reply(from, caller, to, () => finish(() => resolve(wireCopy(reply)))),
          (error: unknown) => {
            if (error instanceof AssertionFailure) return this.world.fail(error);
            this.reply(from, caller, to, () => finish(() => reject(asWireError(error))));
          },
        );
      });
    });
  }

  private reply(from: SimProcess, incarnation: number, to: SimProcess, deliver: () => void): void {
    if (this.isCut(from, to) || this.random.chance(this.profile.dropRate)) return;
    this.world.schedule(from, this.profile.latencyMs(), deliver, incarnation);
  }

  /** Opens an append session from `from` to the extent node `to`, served by `service()` there. */
  openAppend(from: SimProcess, to: SimProcess, service: () => ExtentNodeService | undefined, handlers: AppendHandlers): AppendChannel {
    const stream = new SimStream(this, from, to, handlers);
    this.channels.add(stream);
    stream.onClose = () => this.channels.delete(stream);
    if (this.isCut(from, to) || !to.up) {
      stream.breakAfter(this.isCut(from, to) ? this.random.between(100, 2_000) : RESET_MS);
      return stream.sender();
    }
    stream.open(() => {
      const node = service();
      if (!node) return stream.breakAfter(RESET_MS);
      node.append(stream.upstream());
    });
    return stream.sender();
  }
}

/**
 * One append session: requests in order from sender to node, acknowledgements in order back.
 * Breaking it tells both ends (the sender's onError, the node's onGone) once.
 */
class SimStream {
  private broken = false;
  private closed = false;
  private toNodeAt = 0;
  private toSenderAt = 0;
  private nodeHandlers: { onRequest(append: AppendMessage): void; onEnd(): void; onGone(): void } | undefined;
  /** Messages that reached the node before it started listening. */
  private early: (() => void)[] = [];
  onClose: () => void = () => undefined;
  /** The incarnations the session is between: it never reaches a later one. */
  private readonly fromIncarnation: number;
  private readonly toIncarnation: number;

  constructor(
    private readonly network: SimNetwork,
    private readonly from: SimProcess,
    private readonly to: SimProcess,
    private readonly handlers: AppendHandlers,
  ) {
    this.fromIncarnation = from.incarnation;
    this.toIncarnation = to.incarnation;
  }

  joins(a: SimProcess, b: SimProcess): boolean {
    return (this.from === a && this.to === b) || (this.from === b && this.to === a);
  }

  involves(process: SimProcess): boolean {
    return this.from === process || this.to === process;
  }

  /** Delivers in order: never before the message sent before it. */
  private toNode(work: () => void, opening = false): void {
    const world = this.network.world;
    this.toNodeAt = Math.max(this.toNodeAt, world.nowMs + this.network.profile.latencyMs());
    world.schedule(
      this.to,
      this.toNodeAt - world.nowMs,
      () => {
        if (this.broken) return;
        if (this.nodeHandlers || opening) work();
        else this.early.push(work);
      },
      this.toIncarnation,
    );
  }

  /** The session's first message: the node starts serving it. */
  open(start: () => void): void {
    this.toNode(start, true);
  }

  private toSender(work: () => void): void {
    const world = this.network.world;
    this.toSenderAt = Math.max(this.toSenderAt, world.nowMs + this.network.profile.latencyMs());
    world.schedule(
      this.from,
      this.toSenderAt - world.nowMs,
      () => {
        if (!this.broken) work();
      },
      this.fromIncarnation,
    );
  }

  breakAfter(delayMs: number): void {
    if (this.broken || this.closed) return;
    const world = this.network.world;
    world.schedule(undefined, delayMs, () => {
      if (this.broken || this.closed) return;
      this.broken = true;
      this.onClose();
      world.schedule(
        this.from,
        0,
        () => this.handlers.onError(new StrataError('UNAVAILABLE', `append session ${this.from.id}→${this.to.id} broke`)),
        this.fromIncarnation,
      );
      world.schedule(this.to, 0, () => this.nodeHandlers?.onGone(), this.toIncarnation);
    });
  }

  private maybeBreak(): void {
    if (this.network.random.chance(this.network.profile.breakRate)) this.breakAfter(this.network.random.between(0, 5));
  }

  sender(): AppendChannel {
    return {
      send: (append) => {
        // What crosses the wire: one buffer (TCP cuts it as it likes; the node takes any slices).
        const copy: AppendMessage = { extentId: append.extentId, offset: append.offset, parts: [Buffer.concat(append.parts)] };
        this.maybeBreak();
        this.toNode(() => this.nodeHandlers!.onRequest(copy));
      },
      end: () => this.toNode(() => this.nodeHandlers!.onEnd()),
      cancel: () => {
        if (this.broken || this.closed) return;
        this.closed = true;
        this.onClose();
        this.toNode(() => this.nodeHandlers!.onGone());
      },
    };
  }

  upstream(): AppendUpstream {
    return {
      requestId: undefined,
      start: (handlers) => {
        this.nodeHandlers = handlers;
        for (const work of this.early.splice(0)) work();
      },
      acknowledge: (ack: AppendAck) => {
        this.maybeBreak();
        const copy = { offset: ack.offset, end: ack.end };
        this.toSender(() => {
          if (!this.closed) this.handlers.onAck(copy);
        });
      },
      fail: (error) => {
        const wire = asWireError(error);
        this.toSender(() => {
          if (this.closed) return;
          this.closed = true;
          this.onClose();
          this.handlers.onError(wire);
        });
      },
      end: () =>
        this.toSender(() => {
          if (this.closed) return;
          this.closed = true;
          this.onClose();
          this.handlers.onEnd();
        }),
      pause: () => undefined,
      resume: () => undefined,
    };
  }
}

/** Where the simulated extent nodes are: address → process and the service it runs now. */
export interface SimNodeRegistry {
  processAt(address: string): SimProcess | undefined;
  serviceAt(address: string): ExtentNodeService | undefined;
}

/** ExtentNodes for code running in `caller`: every call crosses the simulated network. */
export class SimExtentNodes implements ExtentNodes {
  constructor(
    private readonly network: SimNetwork,
    private readonly caller: SimProcess,
    private readonly registry: SimNodeRegistry,
  ) {}

  at(node: NodeAddress): ExtentNodeApi {
    const address = node.address;
    const network = this.network;
    const caller = this.caller;
    const target = this.registry.processAt(address);
    const registry = this.registry;
    const call = <Reply>(context: CallContext, handle: (service: ExtentNodeService) => Promise<Reply>): Promise<Reply> => {
      if (!target) return Promise.reject(new StrataError('UNAVAILABLE', `nothing listens at ${address}`));
      return network.unary(caller, target, context, () => {
        const service = registry.serviceAt(address);
        if (!service) return Promise.reject(new StrataError('UNAVAILABLE', `${address} is starting`));
        return handle(service);
      });
    };
    const output = <T>(value: T): never => value as never;
    return {
      createExtent: (request, context) => call(context, (service) => service.createExtent(output(request))),
      replicaInfo: (request, context) => call(context, async (service) => output(await service.replicaInfo(output({ freeze: false, ...request })))),
      sealReplica: (request, context) => call(context, async (service) => output(await service.sealReplica(output(request)))),
      listReplicas: (context) => call(context, async (service) => output(await service.listReplicas())),
      deleteReplica: (request, context) => call(context, (service) => service.deleteReplica(output(request))),
      copyReplica: (request, context) => call(context, async (service) => output(await service.copyReplica(output(request)))),
      nodeStats: (context) => call(context, async (service) => output(service.nodeStats())),
      readBlocks: (request, context) => readAll(call(context, async (service) => collect(service.readRaw(request)))),
      openAppend: (handlers) => {
        if (!target) {
          const failed = { send: () => undefined, end: () => undefined, cancel: () => undefined };
          network.world.schedule(caller, RESET_MS, () => handlers.onError(new StrataError('UNAVAILABLE', `nothing listens at ${address}`)));
          return failed;
        }
        return network.openAppend(caller, target, () => registry.serviceAt(address), handlers);
      },
    };
  }

  close(): void {}
}

/** A read's blocks as they cross the wire (copied), then checked on arrival as the block transport does. */
async function collect(blocks: AsyncIterable<{ offset: number; bytes: Buffer }>): Promise<{ offset: number; bytes: Buffer }[]> {
  const out: { offset: number; bytes: Buffer }[] = [];
  for await (const block of blocks) out.push({ offset: block.offset, bytes: Buffer.from(block.bytes) });
  return out;
}

async function* readAll(blocks: Promise<{ offset: number; bytes: Buffer }[]>): AsyncGenerator<ReadBlock> {
  for (const raw of await blocks) {
    for (const block of walkEncodedBlocks([raw.bytes], { append: false })) {
      yield { offset: raw.offset + block.offset, parts: block.data, dataBytes: block.header.dataBytes, flags: block.header.flags };
    }
  }
}

/** What crosses the wire: a deep copy (Buffers copied), so no side shares memory with the other. */
export function wireCopy<T>(value: T): T {
  if (Buffer.isBuffer(value)) return Buffer.from(value) as T;
  if (Array.isArray(value)) return value.map((item) => wireCopy(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = wireCopy(item);
    return out as T;
  }
  return value;
}

/** An error as a remote caller sees it: its typed code, or INTERNAL. */
export function asWireError(error: unknown): StrataError {
  if (isStrataError(error)) return new StrataError(error.code, error.message);
  return new StrataError('INTERNAL', error instanceof Error ? error.message : String(error));
}
