import { assert, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { joinParts, type ExtentReader } from '@strata/stream-layer';
import { logBlockCodec } from '../../records.js';
import type { IndexStore } from './index-store.js';

/**
 * Rebuilds an index from a commit log: reads the sealed extents of the log stream in order,
 * from `fromExtentId` (all of them when empty), and applies each record whose sequence is
 * above the last one applied (`afterSequence` at first). A record the stream holds twice (a
 * retried append) is applied once. The next record after the last applied one must be that
 * plus one (asserted): the commit log sends nothing after a failed append, so a gap means the
 * log or this reading of it is broken, and applying past it would apply a record without one
 * its precondition was checked against.
 * Returns the last applied sequence and the log extent that held it.
 */
export async function replayLog(options: {
  stream: streamV1.StreamInfo__Output;
  reader: ExtentReader;
  index: IndexStore;
  log: Logger;
  fromExtentId?: string;
  afterSequence?: number;
}): Promise<{ lastSequence: number; lastExtentId: string }> {
  let lastSequence = options.afterSequence ?? 0;
  let lastExtentId = options.fromExtentId ?? '';
  let records = 0;
  const start = options.fromExtentId ? options.stream.extents.findIndex((extent) => extent.extentId === options.fromExtentId) : 0;
  for (const extent of options.stream.extents.slice(Math.max(0, start))) {
    if (!extent.sealed || extent.sealedLengthBytes === 0) continue;
    for await (const block of options.reader.readRange({ extent, offset: 0, lengthBytes: extent.sealedLengthBytes })) {
      for (const record of logBlockCodec.decode(joinParts(block.parts)).records) {
        if (record.sequence <= lastSequence) continue;
        assert(
          record.sequence === lastSequence + 1,
          `commit log of stream ${options.stream.streamId} holds record ${record.sequence} after ${lastSequence} (extent ${extent.extentId})`,
        );
        await options.index.apply(record.mutations);
        lastSequence = record.sequence;
        lastExtentId = extent.extentId;
        records++;
      }
    }
  }
  options.log.info({ streamId: options.stream.streamId, records, lastSequence, fromExtentId: options.fromExtentId }, 'commit log replayed');
  return { lastSequence, lastExtentId };
}
