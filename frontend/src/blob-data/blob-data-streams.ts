import { errorMessage, ignoreError, isStrataError, rethrowIfAssertion, type Clock, type Logger, type Timer } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { BLOB_BLOCK_BYTES, blocksOf, StreamWriter, type ExtentNodes, type StreamManagerClient } from '@strata/stream-layer';
import { SealedExtents } from './sealed-extents.js';

/** Blocks of one upload appended and not yet acknowledged: bounds an upload's memory to this many MiB. */
const UPLOAD_APPENDS_IN_FLIGHT_MAX = 4;

export interface BlobDataOptions {
  manager: StreamManagerClient;
  nodes: ExtentNodes;
  clock: Clock;
  log: Logger;
  /** The front-end's id: its streams are `fe/<id>/<n>/data`, taken over again by its next run. */
  nodeId: string;
  /** Streams to spread uploads over (each its own chain, whose head the stream manager places). */
  streams: number;
  /** How often the streams are read to release the sealed extents no upload needs. */
  sweepIntervalMs: number;
  /**
   * An extent written to for this long is sealed and a new one begun, so that the blobs deleted
   * from it can be reclaimed (space reclamation compacts sealed extents only).
   */
  rollAfterMs: number;
  /** Extents are sealed at this size (the stream writer's default if unset). */
  extentBytesMax?: number;
}

/** One upload's blocks, appended by the front-end itself. */
export interface BlobDataUpload {
  /**
   * Appends the body in blocks of BLOB_BLOCK_BYTES (each sent as the body's chunks, never
   * joined) and yields runs of their pointers in body order, as the appends are acknowledged.
   */
  store(body: AsyncIterable<Buffer>): AsyncGenerator<{ blocks: streamV1.BlockPointer__Output[] }>;
  /** Call once the commit of the pointers has answered or failed: their extent may then leave the stream. */
  end(): void;
}

/**
 * The front-end's own blob-data streams: the data/control split of the design. A PUT's bytes
 * go from the front-end down the extent nodes' chain, and the partition server is sent only the
 * pointers to commit; it holds their extents before the record exists. One writer per stream
 * holds: the streams are this front-end's alone (by its id), and opening one takes it over
 * under a new writer epoch, which fences out a former run of the same front-end.
 *
 * An extent leaves its stream once it is sealed and no upload that may have written into it
 * runs (SealedExtents): what a partition committed is held by that partition from then on,
 * and the rest is garbage the stream manager collects.
 */
export class BlobDataStreams {
  private readonly streams: DataStream[];
  private next = 0;
  private readonly timer: Timer;
  private sweeping = false;
  private closed = false;

  constructor(private readonly options: BlobDataOptions) {
    this.streams = Array.from({ length: options.streams }, (_, n) => new DataStream(`fe/${options.nodeId}/${n}/data`, options));
    // Opened now rather than at the first large PUT, which would otherwise wait for the take-over
    // (a seal and a new extent on three nodes); a failure is logged and the first upload retries.
    for (const stream of this.streams) stream.open().catch(ignoreError);
    this.timer = options.clock.every(options.sweepIntervalMs, () => {
      if (this.sweeping || this.closed) return;
      this.sweeping = true;
      void Promise.all(this.streams.map((stream) => stream.sweep())).finally(() => (this.sweeping = false));
    });
  }

  /** Starts an upload on the next stream in turn. */
  begin(): BlobDataUpload {
    const stream = this.streams[this.next++ % this.streams.length]!;
    const upload = stream.extents.begin();
    let ended = false;
    return {
      store: (body) => stream.store(body),
      end: () => {
        if (ended) return;
        ended = true;
        stream.extents.end(upload);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timer.cancel();
    await Promise.all(this.streams.map((stream) => stream.close()));
  }
}

class DataStream {
  readonly extents = new SealedExtents();
  private writer: Promise<StreamWriter> | undefined;
  private streamId: string | undefined;
  /** The extent appends go to, and since when (monotonic ms) it has been. */
  private current = { extentId: '', sinceMs: 0 };

  constructor(
    private readonly name: string,
    private readonly options: BlobDataOptions,
  ) {}

  async *store(body: AsyncIterable<Buffer>): AsyncGenerator<{ blocks: streamV1.BlockPointer__Output[] }> {
    const opening = this.open();
    const writer = await opening;
    const appends: Promise<streamV1.BlockPointer__Output[]>[] = [];
    const acknowledged = async (append: Promise<streamV1.BlockPointer__Output[]>): Promise<streamV1.BlockPointer__Output[]> => {
      try {
        return await append;
      } catch (error) {
        rethrowIfAssertion(error);
        // Another run of this front-end took the stream over: the next upload opens it again
        // (which fences that run in turn: two live front-ends with one id only cost retries).
        if (isStrataError(error, ['WRITER_FENCED']) && this.writer === opening) {
          this.writer = undefined;
          void writer.close();
        }
        throw error;
      }
    };
    try {
      for await (const item of blocksOf<never>(body, BLOB_BLOCK_BYTES)) {
        if (!('data' in item)) continue;
        const append = writer.append([item.data.chunks]);
        // Failures surface where the append is awaited below; until then they are not unhandled.
        append.catch(ignoreError);
        appends.push(append);
        while (appends.length >= UPLOAD_APPENDS_IN_FLIGHT_MAX) yield { blocks: await acknowledged(appends.shift()!) };
      }
      while (appends.length > 0) yield { blocks: await acknowledged(appends.shift()!) };
    } finally {
      // An upload given up midway (a bad body, a refused commit) leaves its appends to finish
      // unobserved: they were written to no record, so a failure of theirs matters to nobody.
      for (const append of appends) append.catch(ignoreError);
    }
  }

  /** The stream's writer, opened (taken over) at start, and again by an upload after a failed open or a fence. */
  open(): Promise<StreamWriter> {
    if (this.writer) return this.writer;
    const opening = (async () => {
      const info = await this.options.manager.createStream(this.name);
      this.streamId = info.streamId;
      const writer = await StreamWriter.open({ ...this.options, streamId: info.streamId });
      this.options.log.info({ stream: this.name, streamId: info.streamId, epoch: writer.writerEpoch }, 'blob-data stream opened');
      return writer;
    })();
    this.writer = opening;
    opening.catch((error: unknown) => {
      rethrowIfAssertion(error);
      if (this.writer === opening) this.writer = undefined;
      this.options.log.warn({ stream: this.name, err: errorMessage(error) }, 'blob-data stream not opened; the next upload tries again');
    });
    return opening;
  }

  /** Releases the sealed extents no upload needs, and rolls an extent written to for too long. */
  async sweep(): Promise<void> {
    const opened = this.writer;
    if (!opened || !this.streamId) return;
    try {
      const writer = await opened;
      const info = await this.options.manager.getStream(this.streamId);
      // Every extent but the last is sealed; the uploads running from here on are the ones
      // that may have written into them.
      this.extents.sealed(info.extents.slice(0, -1).map((extent) => extent.extentId));
      const ready = this.extents.ready();
      if (ready.length > 0) {
        await this.options.manager.releaseExtents(this.streamId, ready);
        this.extents.released(ready);
        this.options.log.info({ stream: this.name, extentIds: ready }, 'sealed blob-data extents left the stream');
      }
      const now = this.options.clock.monotonicMs();
      if (writer.currentExtent.extentId !== this.current.extentId) this.current = { extentId: writer.currentExtent.extentId, sinceMs: now };
      else if (writer.appendedBytes > 0 && now - this.current.sinceMs >= this.options.rollAfterMs) await writer.rollOver();
    } catch (error) {
      rethrowIfAssertion(error);
      this.options.log.warn({ stream: this.name, err: errorMessage(error) }, 'blob-data stream not swept; the next round tries again');
    }
  }

  async close(): Promise<void> {
    const opened = this.writer;
    this.writer = undefined;
    if (!opened) return;
    try {
      await (await opened).close();
    } catch (error) {
      rethrowIfAssertion(error);
    }
  }
}
