import type { IncomingHttpHeaders } from 'node:http';
import { rethrowIfAssertion } from '@strata/common';
import { BLOB_TAGS_MAX, CONTAINER_TAGS_MAX, TAG_KEY_CHARS_MAX, TAG_VALUE_CHARS_MAX } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';
import { S3Error } from './errors.js';
import { malformed, xmlElements, xmlText } from './xml-body.js';

export type Tag = partitionV1.Tag__Output;

/** What a tag set belongs to: S3 allows 10 tags on an object, 50 on a bucket. */
export type TagScope = 'object' | 'bucket';

/** S3's tag characters: Unicode letters, numbers and spaces, and _ . : / = + - @. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** S3's prefix of its own tags, which users may not set. */
const RESERVED_PREFIX = 'aws:';

/**
 * Checks a tag set as S3 does and returns it in key order (S3 answers tags in key order).
 * Lengths count UTF-16 code units, as S3 does.
 * @throws S3Error BadRequest over 10 tags (an object) or 50 (a bucket); InvalidTag for an
 *   empty, too long or reserved (`aws:`) key, a too long value, a character S3 does not take,
 *   or a key given twice.
 */
export function checkTagSet(tags: readonly Tag[], scope: TagScope): Tag[] {
  if (scope === 'object' && tags.length > BLOB_TAGS_MAX) throw new S3Error('BadRequest', `Object tags cannot be greater than ${BLOB_TAGS_MAX}`);
  if (scope === 'bucket' && tags.length > CONTAINER_TAGS_MAX) throw new S3Error('BadRequest', `Bucket tag count cannot be greater than ${CONTAINER_TAGS_MAX}`);
  const keys = new Set<string>();
  for (const { key, value } of tags) {
    if (key.length === 0 || key.length > TAG_KEY_CHARS_MAX || !TAG_CHARACTERS.test(key))
      throw new S3Error('InvalidTag', 'The TagKey you have provided is invalid', { tagKey: key });
    if (key.toLowerCase().startsWith(RESERVED_PREFIX)) throw new S3Error('InvalidTag', 'Your TagKey cannot be prefixed with aws:', { tagKey: key });
    if (value.length > TAG_VALUE_CHARS_MAX || !TAG_CHARACTERS.test(value))
      throw new S3Error('InvalidTag', 'The TagValue you have provided is invalid', { tagKey: key, tagValue: value });
    if (keys.has(key)) throw new S3Error('InvalidTag', 'Cannot provide multiple Tags with the same key', { tagKey: key });
    keys.add(key);
  }
  return [...tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The tags of a PutObjectTagging or PutBucketTagging body (the content of its Tagging
 * element): `<TagSet>` once, holding `<Tag>`s of one `<Key>` and one `<Value>` each.
 * @throws S3Error MalformedXML when the document is not that shape; checkTagSet's errors.
 */
export function tagSetFromXml(tagging: Record<string, unknown>, scope: TagScope): Tag[] {
  return tagsIn(tagging, 'TagSet', scope);
}

/**
 * The tags in the one `name` element of `parent` (`TagSet` of a Tagging document, `Tags` of a
 * CreateBucketConfiguration), checked (checkTagSet).
 * @throws S3Error MalformedXML when there is not exactly one, or a Tag lacks its Key or Value.
 */
export function tagsIn(parent: Record<string, unknown>, name: string, scope: TagScope): Tag[] {
  const sets = xmlElements(parent, name);
  if (sets.length !== 1) throw malformed();
  const tags = xmlElements(sets[0]!, 'Tag').map((tag) => {
    const key = xmlText(tag, 'Key');
    const value = xmlText(tag, 'Value');
    if (key === undefined || value === undefined) throw malformed();
    return { key, value };
  });
  return checkTagSet(tags, scope);
}

/** The Tagging document of a tag set, for GetObjectTagging and GetBucketTagging. */
export function tagSetToXml(tags: readonly Tag[]): Record<string, unknown> {
  return { TagSet: tags.length === 0 ? '' : { Tag: tags.map((tag) => ({ Key: tag.key, Value: tag.value })) } };
}

/**
 * The tags of an x-amz-tagging header (PutObject, CreateMultipartUpload, CopyObject with
 * REPLACE): a URL query, `k1=v1&k2=v2`, `+` a space, a key without `=` the empty value. A
 * presigned URL carries it as its `x-amz-tagging` query parameter instead (SDK presigners hoist
 * x-amz-* headers there; the signature covers the query). Undefined when the request has
 * neither; an empty value is an empty set.
 * @throws S3Error InvalidArgument when the value is not such a query (a pair with two `=`, a
 *   bad %-escape, bytes that are not UTF-8) or names a key twice; checkTagSet's errors.
 */
export function tagSetFromHeader(request: { headers: IncomingHttpHeaders; target?: { query: URLSearchParams } }): Tag[] | undefined {
  const header = request.headers['x-amz-tagging'] ?? request.target?.query.get('x-amz-tagging') ?? undefined;
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join('&') : header;
  const tags: Tag[] = [];
  const keys = new Set<string>();
  for (const pair of value.split('&')) {
    if (pair === '') continue;
    const parts = pair.split('=');
    if (parts.length > 2) throw badTaggingHeader(value);
    const [key, tagValue] = parts.map((part) => decodeQueryPart(part, value));
    if (keys.has(key!)) throw badTaggingHeader(value);
    keys.add(key!);
    tags.push({ key: key!, value: tagValue ?? '' });
  }
  return checkTagSet(tags, 'object');
}

function decodeQueryPart(part: string, header: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch (error) {
    rethrowIfAssertion(error);
    // decodeURIComponent throws URIError only: a bad %-escape, or bytes that are not UTF-8.
    if (!(error instanceof URIError)) throw error;
    throw badTaggingHeader(header);
  }
}

function badTaggingHeader(value: string): S3Error {
  return new S3Error(
    'InvalidArgument',
    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    { argumentName: 'x-amz-tagging', argumentValue: value },
  );
}
