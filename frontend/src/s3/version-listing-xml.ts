import { XMLBuilder } from 'fast-xml-parser';
import type { partitionV1 } from '@strata/protos';
import { listName } from './list-query.js';
import { S3_XMLNS, xmlTimestamp } from './xml.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false, format: false });

/** What a ListObjectVersions page says besides its entries. */
export interface VersionPage {
  bucket: string;
  prefix: string;
  delimiter: string | undefined;
  keyMarker: string;
  versionIdMarker: string;
  maxKeys: number;
  truncated: boolean;
  encoding: 'url' | undefined;
  /** The owner of every version: the bucket's account. */
  owner: string;
}

/**
 * The ListVersionsResult document. Versions and delete markers stay in the listing's order,
 * interleaved as S3 sends them (newest first within a key), so the XML is written entry by
 * entry rather than as one object whose arrays would group them by kind.
 */
export function versionListingXml(page: VersionPage, entries: readonly partitionV1.VersionEntry__Output[]): string {
  const { encoding } = page;
  const owner = { ID: page.owner, DisplayName: page.owner };
  const last = page.truncated ? entries.at(-1) : undefined;
  const next = last
    ? last.version
      ? { NextKeyMarker: listName(last.version.blob, encoding), NextVersionIdMarker: last.version.versionId || 'null' }
      : { NextKeyMarker: listName(last.commonPrefix ?? '', encoding) }
    : {};
  const head = builder.build({
    Name: page.bucket,
    Prefix: listName(page.prefix, encoding),
    KeyMarker: listName(page.keyMarker, encoding),
    VersionIdMarker: page.versionIdMarker,
    ...next,
    MaxKeys: page.maxKeys,
    ...(page.delimiter !== undefined ? { Delimiter: listName(page.delimiter, encoding) } : {}),
    IsTruncated: page.truncated,
  }) as string;
  const items = entries.map((entry) => {
    if (!entry.version) return '';
    const v = entry.version!;
    const common = {
      Key: listName(v.blob, encoding),
      VersionId: v.versionId || 'null',
      IsLatest: v.isLatest,
      LastModified: xmlTimestamp(Number(v.lastModifiedMs)),
    };
    return builder.build(
      v.deleteMarker
        ? { DeleteMarker: { ...common, Owner: owner } }
        : { Version: { ...common, ETag: `"${v.etag}"`, Size: Number(v.sizeBytes), Owner: owner, StorageClass: 'STANDARD' } },
    ) as string;
  });
  const prefixes = entries.flatMap((entry) => (entry.version ? [] : [entry.commonPrefix ?? '']));
  const tail = builder.build({
    ...(prefixes.length > 0 ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: listName(p, encoding) })) } : {}),
    ...(encoding ? { EncodingType: encoding } : {}),
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ListVersionsResult xmlns="${S3_XMLNS}">${head}${items.join('')}${tail}</ListVersionsResult>`;
}
