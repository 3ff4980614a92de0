import { INLINE_BLOB_BYTES_MAX, type PartSegment } from '@strata/partition-layer';
import type { BlobDataStreams } from '../blob-data/blob-data-streams.js';
import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';
import { requestBody, type RequestBody } from './request-body.js';

/** A PUT's or UploadPart's body on its way to storage. */
export interface StoredBody {
  /** What the partition is sent: the bytes of a small body, else pointers to blocks the front-end appended. */
  segments: AsyncIterable<PartSegment>;
  /** Whether the front-end appended the bytes itself, so the commit names blocks already stored. */
  appendedHere: boolean;
  body: RequestBody;
  /**
   * The last check, once the body has ended: it held the bytes the client declared.
   * @throws S3Error IncompleteBody
   */
  checkComplete(): void;
  /** Call once the commit has answered or failed. */
  end(): void;
}

/**
 * A body larger than a commit record carries (INLINE_BLOB_BYTES_MAX) is appended by the
 * front-end to its own blob-data stream, and only the pointers go to the partition server; a
 * smaller one goes to the partition server, whose commit record holds it.
 */
export function storedBody(request: S3Request, blobData: BlobDataStreams): StoredBody {
  const body = requestBody(request);
  let received = 0;
  const counted = (async function* () {
    for await (const chunk of body.stream) {
      received += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  })();
  const appendedHere = body.expectedBytes > INLINE_BLOB_BYTES_MAX;
  const upload = appendedHere ? blobData.begin() : undefined;
  return {
    segments: upload ? upload.store(counted) : counted,
    appendedHere,
    body,
    checkComplete: () => {
      if (received !== body.expectedBytes) {
        throw new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', {
          received,
          declared: body.expectedBytes,
        });
      }
    },
    end: () => upload?.end(),
  };
}
