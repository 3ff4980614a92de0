import { describe, expect, it } from 'vitest';
import { S3Error } from './errors.js';
import { checkTagSet, tagSetFromHeader, tagSetFromXml, tagSetToXml } from './tag-set.js';
import { parseXmlDocument } from './xml-body.js';

const fromXml = (tags: string, scope: 'object' | 'bucket' = 'object') => tagSetFromXml(parseXmlDocument(`<Tagging>${tags}</Tagging>`, 'Tagging'), scope);
const tagXml = (key: string, value: string) => `<Tag><Key>${key}</Key><Value>${value}</Value></Tag>`;
const header = (value: string) => tagSetFromHeader({ headers: { 'x-amz-tagging': value } });

/** The S3 error code and message `run` throws. */
function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof S3Error) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('no error thrown');
}

describe('tagSetFromXml (PutObjectTagging, PutBucketTagging)', () => {
  it('reads the tags in key order, keeping spaces and entities exactly, and an empty set', () => {
    expect(fromXml(`<TagSet>${tagXml('b', ' two ')}${tagXml('a', 'x &#43; y')}${tagXml('é/k', '')}</TagSet>`)).toEqual([
      { key: 'a', value: 'x + y' },
      { key: 'b', value: ' two ' },
      { key: 'é/k', value: '' },
    ]);
    expect(fromXml('<TagSet></TagSet>')).toEqual([]);
    expect(fromXml('<TagSet/>')).toEqual([]);
    expect(
      tagSetFromXml(
        parseXmlDocument(`<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>${tagXml('k', 'v')}</TagSet></Tagging>`, 'Tagging'),
        'object',
      ),
    ).toEqual([{ key: 'k', value: 'v' }]);
  });

  it('answers MalformedXML for a document of another shape', () => {
    for (const body of [
      '',
      tagXml('k', 'v'),
      `<TagSet/><TagSet/>`,
      '<TagSet><Tag><Key>k</Key></Tag></TagSet>',
      '<TagSet><Tag><Value>v</Value></Tag></TagSet>',
    ]) {
      expect(failure(() => fromXml(body)).code, body).toBe('MalformedXML');
    }
    expect(failure(() => parseXmlDocument('<Tagging><TagSet>', 'Tagging')).code).toBe('MalformedXML');
    expect(failure(() => parseXmlDocument('<Other><TagSet/></Other>', 'Tagging')).code).toBe('MalformedXML');
  });

  it('takes 10 tags of 128 and 256 characters on an object, 50 on a bucket; one more is BadRequest', () => {
    const tags = (count: number) => `<TagSet>${Array.from({ length: count }, (_, i) => tagXml(`${i}`.padStart(128, 'k'), 'v'.repeat(256))).join('')}</TagSet>`;
    expect(fromXml(tags(10))).toHaveLength(10);
    expect(failure(() => fromXml(tags(11)))).toEqual({ code: 'BadRequest', message: 'Object tags cannot be greater than 10' });
    expect(fromXml(tags(50), 'bucket')).toHaveLength(50);
    expect(failure(() => fromXml(tags(51), 'bucket'))).toEqual({ code: 'BadRequest', message: 'Bucket tag count cannot be greater than 50' });
  });

  it('answers InvalidTag for a key empty, too long, reserved or given twice, a value too long, and characters S3 refuses', () => {
    const cases: Array<[string, string]> = [
      [tagXml('', 'v'), 'The TagKey you have provided is invalid'],
      [tagXml('k'.repeat(129), 'v'), 'The TagKey you have provided is invalid'],
      // 65 characters outside the BMP are 130 UTF-16 code units, as S3 counts.
      [tagXml('😀'.repeat(65), 'v'), 'The TagKey you have provided is invalid'],
      [tagXml('a,b', 'v'), 'The TagKey you have provided is invalid'],
      [tagXml('aws:owner', 'v'), 'Your TagKey cannot be prefixed with aws:'],
      [tagXml('AWS:owner', 'v'), 'Your TagKey cannot be prefixed with aws:'],
      [tagXml('k', 'v'.repeat(257)), 'The TagValue you have provided is invalid'],
      [tagXml('k', 'a;b'), 'The TagValue you have provided is invalid'],
      [tagXml('k', 'line&#10;break'), 'The TagValue you have provided is invalid'],
      [tagXml('k', '1') + tagXml('k', '2'), 'Cannot provide multiple Tags with the same key'],
    ];
    for (const [tags, message] of cases)
      expect(
        failure(() => fromXml(`<TagSet>${tags}</TagSet>`)),
        tags,
      ).toEqual({ code: 'InvalidTag', message });
    expect(checkTagSet([{ key: 'Ünïcode 日本 + - = . _ : / @', value: 'ok 123' }], 'object')).toHaveLength(1);
  });

  it('writes GetObjectTagging and GetBucketTagging bodies', () => {
    expect(tagSetToXml([])).toEqual({ TagSet: '' });
    expect(tagSetToXml([{ key: 'k', value: 'v' }])).toEqual({ TagSet: { Tag: [{ Key: 'k', Value: 'v' }] } });
  });
});

describe('tagSetFromHeader (x-amz-tagging)', () => {
  it('reads a URL query: %-escapes and + decoded, a key without = has the empty value, in key order', () => {
    expect(header('b=2&a=1')).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
    expect(header('foo=bar&bar')).toEqual([
      { key: 'bar', value: '' },
      { key: 'foo', value: 'bar' },
    ]);
    expect(header('my+key=a%20b%2Bc&%C3%A9t%C3%A9=%3D')).toEqual([
      { key: 'my key', value: 'a b+c' },
      { key: 'été', value: '=' },
    ]);
    expect(header('')).toEqual([]);
    expect(tagSetFromHeader({ headers: {} })).toBeUndefined();
    // A presigned URL's hoisted header.
    const query = new URLSearchParams('X-Amz-Signature=0&x-amz-tagging=a%3D1%26b%3D');
    expect(tagSetFromHeader({ headers: {}, target: { query } })).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '' },
    ]);
  });

  it('answers InvalidArgument for what is no such query or names a key twice, and the set rules after', () => {
    const invalid = { code: 'InvalidArgument', message: expect.stringContaining("The header 'x-amz-tagging' shall be encoded") };
    for (const value of ['TagSet=[{Key=string,Value=string}]', 'a=1&a=2', 'a=%zz', 'a=%C3'])
      expect(
        failure(() => header(value)),
        value,
      ).toEqual(invalid);
    expect(failure(() => header(Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&'))).code).toBe('BadRequest');
    expect(failure(() => header('TagSet%3D%5B%7BKey%3Dstring%7D%5D')).code).toBe('InvalidTag');
    expect(failure(() => header('aws%3Atag=1')).code).toBe('InvalidTag');
  });
});
