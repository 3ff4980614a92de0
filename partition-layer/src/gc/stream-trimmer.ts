import { errorMessage, rethrowIfAssertion, type Logger } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import type { StreamManagerClient } from '@strata/stream-layer';

/** A root record and the meta extent it landed in. */
export interface PlacedRoot {
  root: partitionV1.PartitionRoot__Output | partitionV1.PartitionRoot;
  extentId: string;
}

/**
 * Gives back the space of a partition's commit log, checkpoints and roots after each
 * checkpoint: log extents before the one replay now starts from, checkpoint extents no root of
 * the last two points into, and meta extents before the one holding the older of those two
 * roots. Only sealed extents that are not their stream's last are released; the stream
 * manager collects them once no stream lists them (split children list their parent's).
 */
export class StreamTrimmer {
  private roots: PlacedRoot[];

  constructor(
    private readonly deps: { manager: StreamManagerClient; streams: { log: string; checkpoint: string; meta: string }; log: Logger },
    loaded: PlacedRoot | undefined,
  ) {
    this.roots = loaded ? [loaded] : [];
  }

  /** Called once a new root is durable; never fails (a trim not done now is done after the next checkpoint). */
  async afterCheckpoint(placed: PlacedRoot): Promise<void> {
    this.roots = [...this.roots, placed].slice(-2);
    try {
      const [log, checkpoint, meta] = await Promise.all(
        [this.deps.streams.log, this.deps.streams.checkpoint, this.deps.streams.meta].map((streamId) => this.deps.manager.getStream(streamId)),
      );
      const keep = new Set(this.roots.flatMap((kept) => (kept.root.checkpoint ?? []).map((pointer) => pointer.extentId as string)));
      await Promise.all([
        this.release(log!, before(log!, placed.root.logResumeExtentId as string)),
        this.release(
          checkpoint!,
          checkpoint!.extents.filter((extent) => !keep.has(extent.extentId)),
        ),
        this.release(meta!, before(meta!, this.roots[0]!.extentId)),
      ]);
    } catch (error) {
      rethrowIfAssertion(error);
      this.deps.log.warn({ err: errorMessage(error) }, 'streams not trimmed; the next checkpoint retries');
    }
  }

  private async release(stream: streamV1.StreamInfo__Output, candidates: streamV1.ExtentInfo__Output[]): Promise<void> {
    const last = stream.extents.at(-1)?.extentId;
    const extentIds = candidates.filter((extent) => extent.sealed && extent.extentId !== last).map((extent) => extent.extentId);
    if (extentIds.length === 0) return;
    await this.deps.manager.releaseExtents(stream.streamId, extentIds);
    this.deps.log.info({ stream: stream.name, extentIds }, 'stream trimmed');
  }
}

/** The extents of a stream before `extentId` (none if the stream does not list it). */
function before(stream: streamV1.StreamInfo__Output, extentId: string): streamV1.ExtentInfo__Output[] {
  const index = extentId ? stream.extents.findIndex((extent) => extent.extentId === extentId) : -1;
  return index > 0 ? stream.extents.slice(0, index) : [];
}
