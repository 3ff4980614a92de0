import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Clock, Logger } from '@strata/common';
import type { PartitionClient } from '@strata/partition-layer';
import type { ExtentReader } from '@strata/stream-layer';
import type { AuthResult } from '../auth/index.js';
import type { ContainerSettingsCache } from './container-settings.js';
import type { RequestTarget } from './request-target.js';
import type { BlobDataStreams } from '../blob-data/blob-data-streams.js';
import type { BlobCache } from '../cache/blob-cache.js';
import type { RecordCache } from '../cache/record-cache.js';

/** An authenticated S3 request, as an operation sees it. */
export interface S3Request {
  requestId: string;
  method: string;
  account: string;
  target: RequestTarget;
  headers: IncomingHttpHeaders;
  /** The signature's identity, or anonymous (allowed only where the container is public). */
  auth: AuthResult;
  /** The region the request addresses: the one it was signed for, else the stamp's. */
  region: string;
  /** The request body, unread. */
  body: IncomingMessage;
}

export interface S3Response {
  status: number;
  headers?: Record<string, string | number>;
  body?: string | Buffer | Readable;
}

/** What operations are given: the clients of the layers below, and time. */
export interface S3Deps {
  partitions: PartitionClient;
  containers: ContainerSettingsCache;
  reader: ExtentReader;
  /** Hot blobs, and one extent read for concurrent GETs of one blob. */
  blobs: BlobCache;
  /** Hot blob records, answered without the partition layer while their leases last. */
  records: RecordCache;
  /** The front-end's own streams, where it appends the bytes of all but small bodies. */
  blobData: BlobDataStreams;
  clock: Clock;
  log: Logger;
}

/** One S3 operation: validate, call the layers below, shape the answer. Errors are thrown. */
export type S3Operation = (request: S3Request, deps: S3Deps) => Promise<S3Response>;

/** A bucket operation's bucket (dispatch guarantees it is there). */
export function bucketOf(request: S3Request): string {
  return request.target.bucket ?? '';
}

/** An object operation's key (dispatch guarantees it is there). */
export function keyOf(request: S3Request): string {
  return request.target.key ?? '';
}
