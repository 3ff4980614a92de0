import type { partitionV1 } from '@strata/protos';
import { checkBucketName } from '../bucket-names.js';
import { decodeContinuationToken, encodeContinuationToken, listName, parseEncodingType, parseMaxKeys, type ListPosition } from '../list-query.js';
import { bucketOf, type S3Operation, type S3Request, type S3Deps } from '../operation.js';
import { xmlDocument, xmlTimestamp } from '../xml.js';

interface Listing {
  entries: partitionV1.ListEntry__Output[];
  truncated: boolean;
  next: ListPosition | undefined;
}

async function list(request: S3Request, deps: S3Deps, position: ListPosition, maxKeys: number): Promise<Listing> {
  const query = request.target.query;
  if (maxKeys === 0) return { entries: [], truncated: false, next: undefined };
  const { entries, truncated } = await deps.partitions.listBlobs(
    {
      account: request.account,
      container: bucketOf(request),
      prefix: query.get('prefix') ?? '',
      delimiter: query.get('delimiter') ?? '',
      ...position,
      maxResults: maxKeys,
    },
    request.requestId,
  );
  const last = entries.at(-1);
  const next = last
    ? last.commonPrefix
      ? { startAfter: last.commonPrefix, startAfterIsPrefix: true }
      : { startAfter: last.blob!.blob, startAfterIsPrefix: false }
    : undefined;
  return { entries, truncated, next };
}

/** How the names of a listing are shown: encoded or not, and each object with its owner or not. */
interface Shown {
  encoding: 'url' | undefined;
  /** The Owner of every object (the bucket's account: an account owns all it stores). */
  owner?: { ID: string; DisplayName: string };
}

function contents(listing: Listing, { encoding, owner }: Shown): Record<string, unknown> {
  const blobs = listing.entries.filter((entry) => entry.blob).map((entry) => entry.blob!);
  const prefixes = listing.entries.filter((entry) => entry.commonPrefix).map((entry) => entry.commonPrefix!);
  return {
    ...(blobs.length > 0
      ? {
          Contents: blobs.map((b) => ({
            Key: listName(b.blob, encoding),
            LastModified: xmlTimestamp(b.lastModifiedMs),
            ETag: `"${b.etag}"`,
            Size: b.sizeBytes,
            ...(owner ? { Owner: owner } : {}),
            StorageClass: 'STANDARD',
          })),
        }
      : {}),
    ...(prefixes.length > 0 ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: listName(p, encoding) })) } : {}),
  };
}

/**
 * The Delimiter element: S3 echoes a delimiter only when one was given, not an empty
 * `delimiter=` (which groups nothing).
 */
function delimiterElement(query: URLSearchParams, encoding: 'url' | undefined): Record<string, string> {
  const delimiter = query.get('delimiter') ?? '';
  return delimiter === '' ? {} : { Delimiter: listName(delimiter, encoding) };
}

/**
 * ListObjectsV2: pages resume with an opaque continuation token (or start-after). An empty
 * `continuation-token=` is refused as S3 refuses it (400 InvalidArgument), not read as none.
 * `fetch-owner=true` gives each object its Owner.
 */
export const listObjectsV2: S3Operation = async (request, deps) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const query = request.target.query;
  const maxKeys = parseMaxKeys(query.get('max-keys'));
  const encoding = parseEncodingType(query.get('encoding-type'));
  const token = query.get('continuation-token');
  const startAfter = query.get('start-after') ?? '';
  // A missing bucket is an error even when the page would be empty.
  await deps.partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  const position = token !== null ? decodeContinuationToken(token) : { startAfter, startAfterIsPrefix: false };
  const owner = query.get('fetch-owner') === 'true' ? { ID: request.account, DisplayName: request.account } : undefined;
  const listing = await list(request, deps, position, maxKeys);
  const body = xmlDocument('ListBucketResult', {
    Name: bucket,
    Prefix: listName(query.get('prefix') ?? '', encoding),
    ...delimiterElement(query, encoding),
    MaxKeys: maxKeys,
    KeyCount: listing.entries.length,
    IsTruncated: listing.truncated,
    ...(token ? { ContinuationToken: token } : {}),
    ...(listing.truncated && listing.next ? { NextContinuationToken: encodeContinuationToken(listing.next) } : {}),
    ...(query.has('start-after') ? { StartAfter: listName(startAfter, encoding) } : {}),
    ...(encoding ? { EncodingType: encoding } : {}),
    ...contents(listing, { encoding, ...(owner ? { owner } : {}) }),
  });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};

/** ListObjects (v1): pages resume after a marker (a key; NextMarker is given with a delimiter). */
export const listObjects: S3Operation = async (request, deps) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const query = request.target.query;
  const maxKeys = parseMaxKeys(query.get('max-keys'));
  const encoding = parseEncodingType(query.get('encoding-type'));
  const marker = query.get('marker') ?? '';
  await deps.partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  // A marker that is a common prefix (NextMarker of a delimited page) resumes after everything under it.
  const delimiter = query.get('delimiter') ?? '';
  const markerIsPrefix = delimiter !== '' && marker.length > (query.get('prefix') ?? '').length && marker.endsWith(delimiter);
  const listing = await list(request, deps, { startAfter: marker, startAfterIsPrefix: markerIsPrefix }, maxKeys);
  const body = xmlDocument('ListBucketResult', {
    Name: bucket,
    Prefix: listName(query.get('prefix') ?? '', encoding),
    Marker: listName(marker, encoding),
    ...delimiterElement(query, encoding),
    MaxKeys: maxKeys,
    IsTruncated: listing.truncated,
    ...(listing.truncated && listing.next && delimiter !== '' ? { NextMarker: listName(listing.next.startAfter, encoding) } : {}),
    ...(encoding ? { EncodingType: encoding } : {}),
    ...contents(listing, { encoding }),
  });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};
