import { describe, expect, it } from 'vitest';
import type { partitionV1 } from '@strata/protos';
import { versionListingXml, type VersionPage } from './version-listing-xml.js';

const page: VersionPage = {
  bucket: 'box',
  prefix: '',
  delimiter: undefined,
  keyMarker: '',
  versionIdMarker: '',
  maxKeys: 1000,
  truncated: false,
  encoding: undefined,
  owner: 'acct',
};
const version = (blob: string, versionId: string, options: Partial<partitionV1.BlobVersion__Output> = {}): partitionV1.VersionEntry__Output => ({
  version: { blob, versionId, isLatest: false, deleteMarker: false, sizeBytes: 3, etag: 'e'.repeat(32), lastModifiedMs: Date.UTC(2026, 11, 8), ...options },
  entry: 'version',
});
const id = (n: number) => String(n).repeat(32);

describe('versionListingXml', () => {
  it('writes versions and delete markers in listing order, interleaved, with null ids as "null"', () => {
    const xml = versionListingXml(page, [version('a', id(1), { deleteMarker: true, isLatest: true }), version('a', id(2)), version('a', '', { sizeBytes: 5 })]);
    expect(xml).toContain('<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">');
    expect(xml).toContain(
      '<Name>box</Name><Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>',
    );
    const order = [...xml.matchAll(/<(Version|DeleteMarker)><Key>a<\/Key><VersionId>([^<]*)<\/VersionId><IsLatest>(true|false)<\/IsLatest>/g)].map(
      (m) => `${m[1]}:${m[2]}:${m[3]}`,
    );
    expect(order).toEqual([`DeleteMarker:${id(1)}:true`, `Version:${id(2)}:false`, 'Version:null:false']);
    expect(xml).toContain('<LastModified>2026-12-08T00:00:00.000Z</LastModified><ETag>&quot;eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee&quot;</ETag><Size>5</Size>');
    // A delete marker has no ETag or Size.
    expect(xml).toMatch(
      /<DeleteMarker><Key>a<\/Key><VersionId>1+<\/VersionId><IsLatest>true<\/IsLatest><LastModified>[^<]+<\/LastModified><Owner><ID>acct<\/ID><DisplayName>acct<\/DisplayName><\/Owner><\/DeleteMarker>/,
    );
    expect(xml).not.toContain('NextKeyMarker');
  });

  it('names where the next page starts when truncated: the last key and version id, or the last common prefix', () => {
    const truncated = { ...page, truncated: true, maxKeys: 2, delimiter: '/' };
    expect(versionListingXml(truncated, [version('a', id(1)), version('b', '')])).toContain(
      '<NextKeyMarker>b</NextKeyMarker><NextVersionIdMarker>null</NextVersionIdMarker><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter>',
    );
    const withPrefix = versionListingXml(truncated, [version('a', id(1)), { commonPrefix: 'd/', entry: 'commonPrefix' }]);
    expect(withPrefix).toContain('<NextKeyMarker>d/</NextKeyMarker><MaxKeys>');
    expect(withPrefix).toContain('<CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes></ListVersionsResult>');
  });

  it('URL-encodes keys, prefixes, markers and the delimiter under encoding-type=url, and says so', () => {
    const xml = versionListingXml({ ...page, encoding: 'url', prefix: 'a b', keyMarker: 'a b/c(1)', delimiter: '/' }, [
      version('a b/c(2)', id(3)),
      { commonPrefix: 'a b/ü/', entry: 'commonPrefix' },
    ]);
    expect(xml).toContain('<Prefix>a+b</Prefix><KeyMarker>a+b/c%281%29</KeyMarker>');
    expect(xml).toContain('<Key>a+b/c%282%29</Key>');
    expect(xml).toContain('<CommonPrefixes><Prefix>a+b/%C3%BC/</Prefix></CommonPrefixes><EncodingType>url</EncodingType>');
  });
});
