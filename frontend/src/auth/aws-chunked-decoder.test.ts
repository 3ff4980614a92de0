import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, crc32c } from '@node-rs/crc32';
import { describe, expect, it } from 'vitest';
import type { AuthContext } from './auth-context.js';
import { createAwsChunkedDecoder, type AwsChunkedDecoder, type AwsChunkedDecoderOptions } from './aws-chunked-decoder.js';
import { awsChunkedDecoderOptions, parseTrailerHeader } from './aws-chunked-decoder-options.js';
import { encodeAwsChunked } from './aws-chunked-encoder.js';
import type { ChunkSigningContext } from './chunk-signature.js';
import { verifySigV4 } from './verify-sigv4.js';

// AWS's published example of a chunked upload (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html)
// and its trailer variant (sigv4-streaming-trailers.html): 66560 bytes of 'a' in chunks of 65536 and 1024.
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AMZ_DATE = '20130524T000000Z';
const EXAMPLE_MS = Date.UTC(2013, 4, 24);
const CREDENTIAL = `${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request`;
const PAYLOAD = Buffer.alloc(66560, 'a');
const lookupCredentials = (id: string) => (id === ACCESS_KEY ? { secretAccessKey: SECRET, account: 'acct' } : undefined);

const SIGNED = {
  seed: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  chunks: [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ],
  headers: {
    'content-encoding': 'aws-chunked',
    'content-length': '66824',
    host: 's3.amazonaws.com',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'x-amz-date': AMZ_DATE,
    'x-amz-decoded-content-length': '66560',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
  },
  signedHeaders: 'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
};

const TRAILER = {
  seed: '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
  chunks: [
    'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
    '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
    '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992',
  ],
  trailer: 'x-amz-checksum-crc32c:sOO8/Q==',
  trailerSignature: 'd81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435',
  // The published seed matches with these headers signed (content-length is sent but not signed).
  headers: {
    'content-encoding': 'aws-chunked',
    host: 's3.amazonaws.com',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
    'x-amz-date': AMZ_DATE,
    'x-amz-decoded-content-length': '66560',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    'x-amz-trailer': 'x-amz-checksum-crc32c',
  },
  signedHeaders: 'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
};

function verifyExample(example: { seed: string; headers: Record<string, string>; signedHeaders: string }): {
  auth: AuthContext;
  options: AwsChunkedDecoderOptions;
} {
  const authorization = `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=${example.signedHeaders},Signature=${example.seed}`;
  const headers = { ...example.headers, authorization };
  const result = verifySigV4({ method: 'PUT', rawUrl: '/examplebucket/chunkObject.txt', headers }, { lookupCredentials, nowMs: EXAMPLE_MS });
  if (result.anonymous) throw new Error('expected an authenticated request');
  const options = awsChunkedDecoderOptions(result, headers);
  if (options === undefined) throw new Error('expected an aws-chunked body');
  return { auth: result, options };
}

/** The example body: chunk headers with the given signatures, data, final chunk, then `ending`. */
function exampleBody(signatures: readonly string[], ending: string): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${signatures[0]}\r\n`),
    PAYLOAD.subarray(0, 65536),
    Buffer.from(`\r\n400;chunk-signature=${signatures[1]}\r\n`),
    PAYLOAD.subarray(65536),
    Buffer.from(`\r\n0;chunk-signature=${signatures[2]}\r\n${ending}`),
  ]);
}

const signedBody = exampleBody(SIGNED.chunks, '\r\n');
const trailerBody = exampleBody(TRAILER.chunks, `${TRAILER.trailer}\r\nx-amz-trailer-signature:${TRAILER.trailerSignature}\r\n\r\n`);

/** Cuts a body into pieces of `size` bytes, or of pseudo-random sizes 1..4096 for 'random'. */
function split(body: Buffer, size: number | 'random'): Buffer[] {
  const pieces: Buffer[] = [];
  let seed = 12345;
  for (let offset = 0; offset < body.length;) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const length = size === 'random' ? 1 + (seed % 4096) : size;
    pieces.push(body.subarray(offset, offset + length));
    offset += length;
  }
  return pieces;
}

async function decode(decoder: AwsChunkedDecoder, body: Buffer, size: number | 'random' = body.length): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from(split(body, size)), decoder, sink);
  return Buffer.concat(out);
}

async function errorCode(options: AwsChunkedDecoderOptions, body: Buffer, size?: number): Promise<string | undefined> {
  try {
    await decode(createAwsChunkedDecoder(options), body, size);
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const SPLITS: Array<number | 'random'> = [1, 2, 3, 7, 64, 1000, 65535, 65537, 'random', Number.MAX_SAFE_INTEGER];

describe('AWS published aws-chunked examples', () => {
  it('STREAMING-AWS4-HMAC-SHA256-PAYLOAD: the seed verifies and the body is the published content-length', () => {
    const { auth, options } = verifyExample(SIGNED);
    expect(auth.payload).toEqual({ kind: 'streaming-signed', trailer: false });
    expect(auth.signature).toBe(SIGNED.seed);
    expect(options).toMatchObject({ decodedContentLength: 66560, signing: { seedSignature: SIGNED.seed, amzDate: AMZ_DATE } });
    expect(signedBody.length).toBe(66824);
  });

  it.each(SPLITS)('STREAMING-AWS4-HMAC-SHA256-PAYLOAD decodes byte-exactly fed in pieces of %s', async (size) => {
    const decoder = createAwsChunkedDecoder(verifyExample(SIGNED).options);
    expect((await decode(decoder, signedBody, size)).equals(PAYLOAD)).toBe(true);
    expect(decoder.decodedLength).toBe(66560);
    expect(decoder.trailers.size).toBe(0);
  });

  it('encodeAwsChunked reproduces the published bodies byte for byte', () => {
    const { auth } = verifyExample(SIGNED);
    const signing: ChunkSigningContext = { signingKey: auth.signingKey, amzDate: AMZ_DATE, scope: auth.scope, seedSignature: SIGNED.seed };
    expect(encodeAwsChunked({ data: PAYLOAD, chunkSize: 65536, signing }).equals(signedBody)).toBe(true);
    const trailing = { ...signing, seedSignature: TRAILER.seed };
    expect(
      encodeAwsChunked({ data: PAYLOAD, chunkSize: 65536, signing: trailing, trailers: [['x-amz-checksum-crc32c', 'sOO8/Q==']] }).equals(trailerBody),
    ).toBe(true);
  });

  it.each(SPLITS)('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER decodes and verifies the crc32c trailer, pieces of %s', async (size) => {
    const { auth, options } = verifyExample(TRAILER);
    expect(auth.payload).toEqual({ kind: 'streaming-signed', trailer: true });
    expect(options.trailerNames).toEqual(['x-amz-checksum-crc32c']);
    const decoder = createAwsChunkedDecoder(options);
    expect((await decode(decoder, trailerBody, size)).equals(PAYLOAD)).toBe(true);
    expect([...decoder.trailers]).toEqual([['x-amz-checksum-crc32c', 'sOO8/Q==']]);
    expect(decoder.checksum).toEqual({ algorithm: 'crc32c', base64: 'sOO8/Q==' });
  });

  it('the published crc32c trailer is the crc32c of the payload', () => {
    const digest = Buffer.alloc(4);
    digest.writeUInt32BE(crc32c(PAYLOAD));
    expect(digest.toString('base64')).toBe('sOO8/Q==');
  });
});

describe('signed aws-chunked bodies that must be refused', () => {
  const signed = () => verifyExample(SIGNED).options;
  const trailer = () => verifyExample(TRAILER).options;
  const flip = (signature: string) => (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
  const trailerEnding = (line: string, signature = TRAILER.trailerSignature) => `${line}\r\nx-amz-trailer-signature:${signature}\r\n\r\n`;

  it('bad first chunk signature → SignatureDoesNotMatch', async () => {
    expect(await errorCode(signed(), exampleBody([flip(SIGNED.chunks[0] ?? ''), ...SIGNED.chunks.slice(1)], '\r\n'))).toBe('SignatureDoesNotMatch');
  });

  it('bad final chunk signature → SignatureDoesNotMatch', async () => {
    expect(await errorCode(signed(), exampleBody([...SIGNED.chunks.slice(0, 2), flip(SIGNED.chunks[2] ?? '')], '\r\n'))).toBe('SignatureDoesNotMatch');
  });

  it('chunk data changed → SignatureDoesNotMatch', async () => {
    const body = Buffer.from(signedBody);
    body[100] = 'b'.charCodeAt(0);
    expect(await errorCode(signed(), body, 1000)).toBe('SignatureDoesNotMatch');
  });

  it('chunks reordered or the seed of another request → SignatureDoesNotMatch', async () => {
    expect(await errorCode(signed(), exampleBody([SIGNED.chunks[1] ?? '', SIGNED.chunks[0] ?? '', SIGNED.chunks[2] ?? ''], '\r\n'))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(await errorCode({ ...signed(), signing: { ...(signed().signing as ChunkSigningContext), seedSignature: TRAILER.seed } }, signedBody)).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('a chunk header without chunk-signature → InvalidRequest', async () => {
    const body = Buffer.concat([Buffer.from('10000\r\n'), signedBody.subarray(signedBody.indexOf('\r\n') + 2)]);
    expect(await errorCode(signed(), body)).toBe('InvalidRequest');
  });

  it('bad trailer signature → SignatureDoesNotMatch', async () => {
    expect(await errorCode(trailer(), exampleBody(TRAILER.chunks, trailerEnding(TRAILER.trailer, flip(TRAILER.trailerSignature))))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('trailer value changed under its signature → SignatureDoesNotMatch', async () => {
    expect(await errorCode(trailer(), exampleBody(TRAILER.chunks, trailerEnding('x-amz-checksum-crc32c:AAAAAA==')))).toBe('SignatureDoesNotMatch');
  });

  it('missing trailer signature → InvalidRequest', async () => {
    expect(await errorCode(trailer(), exampleBody(TRAILER.chunks, `${TRAILER.trailer}\r\n\r\n`))).toBe('InvalidRequest');
  });

  it('trailers on a signed body that declared none → InvalidRequest', async () => {
    expect(await errorCode(signed(), exampleBody(SIGNED.chunks, `${TRAILER.trailer}\r\n\r\n`))).toBe('InvalidRequest');
  });

  it('correctly signed trailer with a wrong checksum → BadDigest', async () => {
    const { auth, options } = verifyExample(TRAILER);
    const signing = { signingKey: auth.signingKey, amzDate: AMZ_DATE, scope: auth.scope, seedSignature: TRAILER.seed };
    const body = encodeAwsChunked({ data: PAYLOAD, chunkSize: 65536, signing, trailers: [['x-amz-checksum-crc32c', 'AAAAAA==']] });
    expect(await errorCode(options, body)).toBe('BadDigest');
  });

  it('decoded length other than x-amz-decoded-content-length → IncompleteBody', async () => {
    expect(await errorCode({ ...signed(), decodedContentLength: 66559 }, signedBody)).toBe('IncompleteBody');
    expect(await errorCode({ ...signed(), decodedContentLength: 66561 }, signedBody)).toBe('IncompleteBody');
  });
});

describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER, framed as the AWS SDK frames it', () => {
  const data = randomBytes(200_000);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data));
  const options: AwsChunkedDecoderOptions = {
    payload: { kind: 'streaming-unsigned-trailer' },
    trailerNames: ['x-amz-checksum-crc32'],
    decodedContentLength: data.length,
  };
  const body = (checksum: string, chunkSize = 65536) => encodeAwsChunked({ data, chunkSize, trailers: [['x-amz-checksum-crc32', checksum]] });

  it('the encoder frames bodies as the SDK does (see sdk-client.test.ts for what it sends)', () => {
    const framed = encodeAwsChunked({ data: Buffer.from('abc'), chunkSize: 65536, trailers: [['x-amz-checksum-crc32', 'value']] });
    expect(framed.toString('latin1')).toBe('3\r\nabc\r\n0\r\nx-amz-checksum-crc32:value\r\n\r\n');
  });

  it.each(SPLITS)('decodes byte-exactly in pieces of %s and verifies the crc32', async (size) => {
    const decoder = createAwsChunkedDecoder(options);
    expect((await decode(decoder, body(crc.toString('base64')), size)).equals(data)).toBe(true);
    expect(decoder.checksum).toEqual({ algorithm: 'crc32', base64: crc.toString('base64') });
  });

  it('wrong trailing crc32 → BadDigest', async () => {
    const wrong = Buffer.from(crc);
    wrong[0] = (wrong[0] ?? 0) ^ 1;
    expect(await errorCode(options, body(wrong.toString('base64')))).toBe('BadDigest');
  });

  it('malformed trailing crc32 value → InvalidRequest', async () => {
    expect(await errorCode(options, body('not-base64!'))).toBe('InvalidRequest');
    expect(await errorCode(options, body('AAAAAAAA'))).toBe('InvalidRequest');
  });

  it('every checksum algorithm is verified from its trailer', async () => {
    const small = Buffer.from('The quick brown fox');
    const digests = {
      'x-amz-checksum-crc32c': (() => {
        const b = Buffer.alloc(4);
        b.writeUInt32BE(crc32c(small));
        return b.toString('base64');
      })(),
      'x-amz-checksum-sha1': createHash('sha1').update(small).digest('base64'),
      'x-amz-checksum-sha256': createHash('sha256').update(small).digest('base64'),
    };
    for (const [name, value] of Object.entries(digests)) {
      const good = encodeAwsChunked({ data: small, chunkSize: 5, trailers: [[name, value]] });
      const decoder = createAwsChunkedDecoder({ payload: { kind: 'streaming-unsigned-trailer' }, trailerNames: [name] });
      expect((await decode(decoder, good, 3)).equals(small), name).toBe(true);
      const bad = encodeAwsChunked({ data: Buffer.from('The quick brown fix'), chunkSize: 5, trailers: [[name, value]] });
      expect(await errorCode({ payload: { kind: 'streaming-unsigned-trailer' }, trailerNames: [name] }, bad), name).toBe('BadDigest');
    }
  });

  it('chunk extensions are ignored in unsigned mode', async () => {
    const framed = Buffer.from('3;foo=bar\r\nabc\r\n0\r\n\r\n');
    const decoder = createAwsChunkedDecoder({ payload: { kind: 'streaming-unsigned-trailer' } });
    expect((await decode(decoder, framed)).toString()).toBe('abc');
  });
});

describe('malformed aws-chunked framing', () => {
  const unsigned: AwsChunkedDecoderOptions = { payload: { kind: 'streaming-unsigned-trailer' }, trailerNames: [] };
  const code = (body: string, options: AwsChunkedDecoderOptions = unsigned) => errorCode(options, Buffer.from(body, 'latin1'));

  it.each([
    ['truncated inside chunk data', '5\r\nab', 'IncompleteBody'],
    ['truncated inside a chunk header', '5\r\nabcde\r\n1', 'IncompleteBody'],
    ['truncated before the final chunk', '5\r\nabcde\r\n', 'IncompleteBody'],
    ['truncated before the closing CRLF', '5\r\nabcde\r\n0\r\n', 'IncompleteBody'],
    ['truncated between CR and LF of the chunk data', '5\r\nabcde\r', 'IncompleteBody'],
    ['empty body', '', 'IncompleteBody'],
    ['bad hex size', 'zz\r\nabc\r\n0\r\n\r\n', 'InvalidRequest'],
    ['empty size', '\r\nabc\r\n0\r\n\r\n', 'InvalidRequest'],
    ['size with a sign', '+5\r\nabcde\r\n0\r\n\r\n', 'InvalidRequest'],
    ['size with 14 hex digits', '00000000000005\r\nabcde\r\n0\r\n\r\n', 'InvalidRequest'],
    ['missing CRLF after chunk data', '5\r\nabcdeX\r\n0\r\n\r\n', 'InvalidRequest'],
    ['chunk data longer than its size', '5\r\nabcdef\r\n0\r\n\r\n', 'InvalidRequest'],
    ['LF without CR after chunk data', '5\r\nabcde\n0\r\n\r\n', 'InvalidRequest'],
    ['chunk header ending in a bare LF', '5\nabcde\r\n0\r\n\r\n', 'InvalidRequest'],
    ['oversize chunk header line', `${'1'.repeat(2000)}\r\n`, 'InvalidRequest'],
    ['oversize chunk header with no line end', `5;${'x'.repeat(5000)}`, 'InvalidRequest'],
    ['data after the final chunk', '5\r\nabcde\r\n0\r\n\r\nextra', 'InvalidRequest'],
    ['a second body after the final chunk', '5\r\nabcde\r\n0\r\n\r\n5\r\nabcde\r\n0\r\n\r\n', 'InvalidRequest'],
    ['undeclared trailer', '5\r\nabcde\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n', 'InvalidRequest'],
    ['trailer line without a colon', '5\r\nabcde\r\n0\r\nnot-a-trailer\r\n\r\n', 'InvalidRequest'],
    ['oversize trailers', `0\r\n${'x'.repeat(20_000)}`, 'InvalidRequest'],
  ])('%s → %s', async (_name, body, expected) => {
    expect(await code(body)).toBe(expected);
  });

  it('declared trailer missing → InvalidRequest; repeated → InvalidRequest', async () => {
    const declared = { ...unsigned, trailerNames: ['x-amz-checksum-crc32'] };
    expect(await code('5\r\nabcde\r\n0\r\n\r\n', declared)).toBe('InvalidRequest');
    const line = 'x-amz-checksum-crc32:AAAAAA==\r\n';
    expect(await code(`5\r\nabcde\r\n0\r\n${line}${line}\r\n`, declared)).toBe('InvalidRequest');
  });

  it('decoded length over x-amz-decoded-content-length fails at the chunk header, before its data passes', async () => {
    const decoder = createAwsChunkedDecoder({ ...unsigned, decodedContentLength: 3 });
    const passed: Buffer[] = [];
    decoder.on('data', (chunk: Buffer) => passed.push(chunk));
    const failure = new Promise((resolve) => decoder.on('error', resolve));
    decoder.end(Buffer.from('5\r\nabcde\r\n0\r\n\r\n'));
    expect(await failure).toMatchObject({ code: 'IncompleteBody' });
    expect(Buffer.concat(passed).length).toBe(0);
  });

  it('well-formed edge cases decode: empty payload, upper-case hex, 1-byte chunks', async () => {
    const decodeText = async (body: string) => (await decode(createAwsChunkedDecoder(unsigned), Buffer.from(body, 'latin1'), 1)).toString('latin1');
    expect(await decodeText('0\r\n\r\n')).toBe('');
    expect(await decodeText('A\r\n0123456789\r\n0\r\n\r\n')).toBe('0123456789');
    expect(await decodeText('1\r\n\r\r\n1\r\n\n\r\n1\r\n0\r\n0\r\n\r\n')).toBe('\r\n0');
  });

  it('a signed mode without its signing context is a caller bug', () => {
    expect(() => createAwsChunkedDecoder({ payload: { kind: 'streaming-signed', trailer: false } })).toThrow(/signing context/);
  });
});

describe('awsChunkedDecoderOptions and x-amz-trailer', () => {
  it('is undefined for non-chunked payloads', () => {
    const auth = { payload: { kind: 'unsigned' } } as AuthContext;
    expect(awsChunkedDecoderOptions(auth, {})).toBeUndefined();
  });

  it('ignores x-amz-trailer outside the trailer modes and rejects a bad decoded length', () => {
    const { auth } = verifyExample(SIGNED);
    expect(awsChunkedDecoderOptions(auth, { 'x-amz-trailer': 'x-amz-checksum-crc32' })?.trailerNames).toBeUndefined();
    expect(() => awsChunkedDecoderOptions(auth, { 'x-amz-decoded-content-length': '-1' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => awsChunkedDecoderOptions(auth, { 'x-amz-decoded-content-length': '1e3' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('accepts one checksum trailer, in any case and spacing', () => {
    expect(parseTrailerHeader(' X-Amz-Checksum-CRC64NVME ')).toEqual(['x-amz-checksum-crc64nvme']);
    expect(parseTrailerHeader('')).toEqual([]);
    expect(() => parseTrailerHeader('x-amz-checksum-crc32,x-amz-checksum-sha1')).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    expect(() => parseTrailerHeader('x-amz-meta-foo')).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    expect(() => parseTrailerHeader('x-amz-checksum-md5')).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
  });
});
