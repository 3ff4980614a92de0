import { AssertionFailure, type Logger } from '@strata/common';
import { StreamWriter } from '../client/stream-writer.js';
import { blockChecksum, encodeAppend } from '../extent-node/block-format.js';
import type { Model } from './model.js';
import type { Prng } from './prng.js';
import type { SimCluster } from './sim-cluster.js';
import { SimExtentNodes } from './sim-network.js';
import { SimProcess, type SimWorld } from './world.js';

export interface WorkloadShape {
  /** Appends each writer keeps in flight at most. */
  inFlightMax: number;
  /** Pause between a writer's appends, ms. */
  gapMs: () => number;
  blocksPerAppend: () => number;
  blockBytes: () => number;
  extentBytesMax: number;
}

/**
 * One partition server writing one stream: takes the stream over (StreamWriter.open, the
 * production code) and appends random blocks, reporting every acknowledgement to the model.
 * A newer host taking the same stream over fences this one: its later appends must fail.
 */
export class WriterHost {
  readonly process: SimProcess;
  private writer: StreamWriter | undefined;
  private stopped = false;
  private inFlight = 0;
  appended = 0;
  failed = 0;

  constructor(
    private readonly world: SimWorld,
    private readonly cluster: SimCluster,
    private readonly model: Model,
    private readonly random: Prng,
    readonly streamId: string,
    id: string,
    private readonly shape: WorkloadShape,
    private readonly budget: { left: number },
    private readonly log: Logger,
  ) {
    this.process = new SimProcess(id);
  }

  get id(): string {
    return this.process.id;
  }

  /** Opens the stream (retrying while the stamp cannot), then appends until stopped. */
  async run(): Promise<void> {
    const clock = this.world.clockFor(this.process);
    const log = this.log.child({ process: this.id });
    while (!this.stopped && !this.writer) {
      try {
        this.writer = await StreamWriter.open({
          manager: this.cluster.managerClient(this.process),
          nodes: new SimExtentNodes(this.cluster.network, this.process, this.cluster),
          clock,
          log,
          extentBytesMax: this.shape.extentBytesMax,
          streamId: this.streamId,
        });
        this.world.note(`${this.id} writes ${this.streamId} at epoch ${this.writer.writerEpoch}`);
        if (this.openOnly) this.stopped = true;
      } catch (error) {
        this.world.note(`${this.id} could not open ${this.streamId}: ${(error as Error).message}`);
        await clock.sleep(500);
      }
    }
    while (!this.stopped) {
      await clock.sleep(this.shape.gapMs());
      if (this.stopped || this.budget.left <= 0 || this.inFlight >= this.shape.inFlightMax) continue;
      this.budget.left--;
      void this.appendOne();
    }
    // Stopped: what is in flight settles, and a writer opened after the stop closes too.
    await this.writer?.close();
    this.finished = true;
  }

  /** Takes the stream over and closes at once: a partition loaded and unloaded, which seals what its predecessor left open. */
  openOnly = false;

  /** Whether `run` has returned (its writer closed): a crashed host never finishes. */
  finished = false;

  private async appendOne(): Promise<void> {
    const writer = this.writer!;
    const payloads = Array.from({ length: this.shape.blocksPerAppend() }, () => this.random.bytes(this.shape.blockBytes()));
    this.inFlight++;
    this.appended++;
    try {
      const pointers = await writer.append(payloads);
      const first = pointers[0]!;
      const bytes = Buffer.concat(encodeAppend(payloads.map((data) => ({ data, crc32c: blockChecksum(data) }))));
      this.model.acknowledged({
        streamId: this.streamId,
        extentId: first.extentId as string,
        offset: Number(first.offset),
        end: Number(first.offset) + bytes.length,
        bytes,
        payloads,
        writer: this.id,
      });
    } catch (error) {
      // A broken invariant or an assertion in the writer ends the run; a failed append is the
      // stamp being unavailable, which faults are allowed to cause.
      if (error instanceof AssertionFailure) this.world.fail(error);
      else this.failed++;
    } finally {
      this.inFlight--;
    }
  }

  /** Stops appending; what is in flight still completes. */
  stop(): void {
    this.stopped = true;
  }

  /** Whether this host was stopped (replaced, crashed or closed). */
  stoppedByNemesis(): boolean {
    return this.stopped;
  }
}
