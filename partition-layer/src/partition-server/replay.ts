import type { Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { ExtentReader } from '@strata/stream-layer';
import { logBlockCodec } from '../records.js';
import type { IndexStore } from './index-store.js';

/**
 * Rebuilds an index from a commit log: reads every sealed extent of the log stream in order
 * and applies each record whose sequence is above the last one applied. A record the stream
 * holds twice (a retried append) is applied once.
 * Returns the last applied sequence.
 */
export async function replayLog(options: {
  stream: streamV1.StreamInfo__Output;
  reader: ExtentReader;
  index: IndexStore;
  log: Logger;
}): Promise<number> {
  let lastSequence = 0;
  let records = 0;
  for (const extent of options.stream.extents) {
    if (!extent.sealed || extent.sealedLengthBytes === 0) continue;
    for await (const block of options.reader.readRange({ extent, offset: 0, lengthBytes: extent.sealedLengthBytes })) {
      for (const record of logBlockCodec.decode(block.data).records) {
        if (record.sequence <= lastSequence) continue;
        await options.index.apply(record.mutations);
        lastSequence = record.sequence;
        records++;
      }
    }
  }
  options.log.info({ streamId: options.stream.streamId, records, lastSequence }, 'commit log replayed');
  return lastSequence;
}
