import * as grpc from '@grpc/grpc-js';
import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import type { BlobUpload } from './blob-upload.js';
import type { Partition } from '../partition.js';

/** The messages of a streamed upload (PutBlob, UploadPart): header, body, commit. */
interface UploadMessage<Header, Commit> {
  part?: string;
  header?: Header | null;
  data?: Buffer;
  blocks?: partitionV1.BlockRun__Output | null;
  commit?: Commit | null;
}

/**
 * Receives one streamed upload: one header (which `accept` checks, naming the partition to
 * write to, before the front-end may send the body), data and referenced blocks in order, one
 * commit, then the end of the call; `finish` then records it. A cancelled or malformed call
 * records nothing.
 */
export async function receiveUpload<Header, Commit, Result>(
  call: grpc.ServerReadableStream<UploadMessage<Header, Commit>, Result>,
  steps: {
    accept: (header: Header) => Promise<Partition>;
    finish: (started: { partition: Partition; header: Header; upload: BlobUpload; commit: Commit }) => Promise<Result>;
  },
): Promise<Result> {
  // grpc-js also emits 'cancelled' when the stream closes after a clean finish; only a call
  // still running was cancelled, and building an error for every PUT is measurable CPU.
  let running = true;
  call.on('cancelled', () => {
    if (running) call.destroy(new PartitionError('UNAVAILABLE', 'the front-end cancelled the upload'));
  });
  let started: { partition: Partition; header: Header; upload: BlobUpload } | undefined;
  let commit: Commit | undefined;
  try {
    // Leaving the loop early (a refused header) must not destroy the call: the error still has
    // to go back on it as the call's status.
    for await (const message of call.iterator({ destroyOnReturn: false }) as AsyncIterable<UploadMessage<Header, Commit>>) {
      if (commit) throw new PartitionError('INVALID_ARGUMENT', 'a message after the commit');
      if (message.part === 'header' && message.header && !started) {
        const partition = await steps.accept(message.header);
        started = { partition, header: message.header, upload: partition.startUpload() };
        // Response headers now tell the front-end the upload is accepted: it may send the body.
        call.sendMetadata(new grpc.Metadata());
      } else if (message.part === 'data' && started && message.data) {
        await started.upload.write(message.data);
      } else if (message.part === 'blocks' && started && message.blocks) {
        await started.upload.reference(message.blocks.blocks);
      } else if (message.part === 'commit' && started && message.commit) {
        commit = message.commit;
      } else {
        throw new PartitionError('INVALID_ARGUMENT', `unexpected ${message.part ?? 'empty'} message`);
      }
    }
    if (!started || !commit) throw new PartitionError('INVALID_ARGUMENT', 'the upload ended without a commit');
    return await steps.finish({ ...started, commit });
  } finally {
    running = false;
    if (started) started.partition.finishUpload(started.upload);
  }
}
