import { describe, expect, it } from 'vitest';
import { canonicalHeaders, canonicalQuery, canonicalUri, parseRawQuery, splitRawUrl } from './canonical-request.js';
import { percentDecode, uriEncode, uriEncodePath } from './uri-encode.js';

describe('uri encoding', () => {
  it('keeps unreserved characters and escapes everything else with upper-case hex', () => {
    expect(uriEncode(Buffer.from('AZaz09-_.~'))).toBe('AZaz09-_.~');
    expect(uriEncode(Buffer.from(' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}'))).toBe(
      '%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D',
    );
    expect(uriEncode(Buffer.from('é日😀'))).toBe('%C3%A9%E6%97%A5%F0%9F%98%80');
  });

  it('keeps / in paths only', () => {
    expect(uriEncodePath(Buffer.from('/a b/c'))).toBe('/a%20b/c');
    expect(uriEncode(Buffer.from('/a b/c'))).toBe('%2Fa%20b%2Fc');
  });

  it('decodes %XX escapes once, byte-wise, and leaves stray % and + literal', () => {
    expect(percentDecode('a%2Fb%252F').toString()).toBe('a/b%2F');
    expect(percentDecode('%C3%a9').toString()).toBe('é');
    expect(percentDecode('100%').toString()).toBe('100%');
    expect(percentDecode('%zz%4').toString()).toBe('%zz%4');
    expect(percentDecode('a+b').toString()).toBe('a+b');
    // A lone continuation byte is kept as the byte, not replaced by U+FFFD.
    expect([...percentDecode('%80')]).toEqual([0x80]);
    // Escapes next to multi-byte characters, at either end, and a '%' with one digit left.
    expect(percentDecode('%41é%E6%97%A5日%').toString()).toBe('Aé日日%');
    expect(percentDecode('é%2').toString()).toBe('é%2');
    expect(percentDecode('%%41').toString()).toBe('%A');
  });
});

describe('canonicalUri', () => {
  it('re-encodes the raw path without normalising or double-encoding', () => {
    expect(canonicalUri('/test.txt')).toBe('/test.txt');
    expect(canonicalUri('/test$file.text')).toBe('/test%24file.text');
    expect(canonicalUri('/test%24file.text')).toBe('/test%24file.text');
    expect(canonicalUri('/b/a%20b//c/../d/./e')).toBe('/b/a%20b//c/../d/./e');
    expect(canonicalUri('/b/100%25')).toBe('/b/100%25');
    expect(canonicalUri('/b/c+d')).toBe('/b/c%2Bd');
    expect(canonicalUri("/b/!'()*")).toBe('/b/%21%27%28%29%2A');
    expect(canonicalUri('/b/%7e%7E~')).toBe('/b/~~~');
  });

  it('treats an encoded slash as a slash once decoded (S3 decodes the path once)', () => {
    expect(canonicalUri('/b/a%2Fb')).toBe('/b/a/b');
  });
});

describe('canonicalQuery', () => {
  const canonical = (query: string, omit?: string): string => canonicalQuery(parseRawQuery(query), omit);

  it('sorts by key then value and gives bare keys an empty value', () => {
    expect(canonical('prefix=J&max-keys=2')).toBe('max-keys=2&prefix=J');
    expect(canonical('lifecycle')).toBe('lifecycle=');
    expect(canonical('b=2&a=2&a=1&a')).toBe('a=&a=1&a=2&b=2');
    expect(canonical('')).toBe('');
    expect(canonical('a=1&&b=2')).toBe('a=1&b=2');
  });

  it('decodes once and re-encodes keys and values, / included', () => {
    expect(canonical('prefix=a/b&token=x%2Fy%3D&s=a%20b&p=a+b&u=%C3%A9')).toBe('p=a%2Bb&prefix=a%2Fb&s=a%20b&token=x%2Fy%3D&u=%C3%A9');
  });

  it('sorts on encoded bytes, so upper-case keys come first', () => {
    expect(canonical('x-id=1&X-Amz-Date=2&a=3')).toBe('X-Amz-Date=2&a=3&x-id=1');
  });

  it('leaves out the omitted key', () => {
    expect(canonical('X-Amz-Signature=abc&a=1', 'X-Amz-Signature')).toBe('a=1');
  });
});

describe('canonicalHeaders', () => {
  it('lists signed headers in order with trimmed, space-collapsed values', () => {
    const headers = { host: 'h', 'x-amz-meta-a': '  a   b \t c  ', range: 'bytes=0-9', other: 'x' };
    expect(canonicalHeaders(headers, ['host', 'range', 'x-amz-meta-a'])).toBe('host:h\nrange:bytes=0-9\nx-amz-meta-a:a b c\n');
  });

  it('joins repeated values with a comma and gives an absent header an empty value', () => {
    expect(canonicalHeaders({ 'x-amz-meta-a': ['one', ' two  2 '] }, ['x-amz-meta-a', 'missing'])).toBe('x-amz-meta-a:one,two 2\nmissing:\n');
  });
});

describe('splitRawUrl', () => {
  it('splits at the first ? and defaults the path to /', () => {
    expect(splitRawUrl('/a?b=c?d')).toEqual({ rawPath: '/a', rawQuery: 'b=c?d' });
    expect(splitRawUrl('?x')).toEqual({ rawPath: '/', rawQuery: 'x' });
    expect(splitRawUrl('/k')).toEqual({ rawPath: '/k', rawQuery: '' });
  });
});
