import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAmzDate } from './amz-date.js';
import type { AuthContext } from './auth-context.js';
import { createAwsChunkedDecoder } from './aws-chunked-decoder.js';
import { awsChunkedDecoderOptions } from './aws-chunked-decoder-options.js';
import { createPayloadVerifier, payloadVerifierOptions } from './payload-verifier.js';
import { verifySigV4 } from './verify-sigv4.js';

// What the real AWS SDK v3 client sends, checked end to end: a node:http server authenticates
// each request with verifySigV4 and streams its body through the decoder and payload verifier.

const ACCESS_KEY = 'AKIASTRATASDKTEST';
const SECRET = 'sdk/test+secret=key';
const lookupCredentials = (id: string) => (id === ACCESS_KEY ? { secretAccessKey: SECRET, account: 'acct-sdk' } : undefined);

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  auth?: AuthContext;
  payload?: Buffer;
  error?: { code?: string; message: string };
}

let server: Server;
let endpoint = '';
let recorded: Recorded[] = [];

/** Authenticates, decodes and verifies the body; the request is recorded with what came out. */
async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const record: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw: Buffer.alloc(0) };
  recorded.push(record);
  const raw: Buffer[] = [];
  req.on('data', (chunk: Buffer) => raw.push(chunk));
  try {
    // The SDK signs with the real clock; the verifier's own skew rule is tested elsewhere.
    const nowMs = parseAmzDate(String(req.headers['x-amz-date'])) ?? 0;
    const result = verifySigV4({ method: record.method, rawUrl: record.url, headers: req.headers }, { lookupCredentials, nowMs });
    if (result.anonymous) throw new Error('anonymous request');
    record.auth = result;
    const chunked = awsChunkedDecoderOptions(result, req.headers);
    const stages: Transform[] = chunked === undefined ? [] : [createAwsChunkedDecoder(chunked)];
    stages.push(createPayloadVerifier(payloadVerifierOptions(req.headers, result.payload)));
    const out: Buffer[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        out.push(chunk);
        callback();
      },
    });
    await pipeline([req, ...stages, sink]);
    record.payload = Buffer.concat(out);
    reply(res, record);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    record.error = { code, message };
    req.resume();
    res.writeHead(code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId' ? 403 : 400, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code ?? 'InternalError'}</Code><Message>${message}</Message></Error>`);
  } finally {
    record.raw = Buffer.concat(raw);
  }
}

function reply(res: ServerResponse, record: Recorded): void {
  if (record.method === 'DELETE') return void res.writeHead(204).end();
  if (record.method === 'GET' && record.url.includes('list-type=2')) {
    res.writeHead(200, { 'content-type': 'application/xml' });
    return void res.end(
      '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bkt</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>',
    );
  }
  res.writeHead(200, { etag: '"0"', 'content-length': record.method === 'GET' ? '2' : '0' });
  res.end(record.method === 'GET' ? 'ok' : undefined);
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  recorded = [];
});

function client(config: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: false, credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET }, ...config });
}

function only(): Recorded {
  expect(recorded).toHaveLength(1);
  const [record] = recorded;
  if (record === undefined) throw new Error('no request');
  expect(record.error).toBeUndefined();
  return record;
}

/** The data sizes of an aws-chunked body's chunks, final 0 included. */
function chunkSizes(raw: Buffer): number[] {
  const sizes: number[] = [];
  for (let offset = 0; ;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    const size = parseInt(raw.toString('latin1', offset, lineEnd).split(';')[0] ?? '', 16);
    sizes.push(size);
    if (size === 0 || Number.isNaN(size)) return sizes;
    offset = lineEnd + 2 + size + 2;
  }
}

// Created once the server listens: the endpoint is only known then.
let s3: S3Client;
beforeAll(() => {
  s3 = client();
});

describe('what @aws-sdk/client-s3 sends, and that Strata accepts it', () => {
  it('PutObject with a Buffer: signed sha256 payload, crc32 header, plain body, path-style URL', async () => {
    const body = Buffer.from('hello world');
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'a b/c+d', Body: body }));
    const record = only();
    expect(record.method).toBe('PUT');
    expect(record.url).toBe('/bkt/a%20b/c%2Bd?x-id=PutObject');
    expect(record.headers).toMatchObject({
      host: endpoint.slice('http://'.length),
      'content-length': '11',
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      'x-amz-checksum-crc32': 'DUoRhQ==',
      'x-amz-sdk-checksum-algorithm': 'CRC32',
    });
    expect(record.headers['content-encoding']).toBeUndefined();
    expect(record.auth).toMatchObject({ via: 'header', account: 'acct-sdk', region: 'us-east-1', payload: { kind: 'sha256' } });
    expect(record.auth?.signedHeaders).toEqual(
      expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-checksum-crc32', 'content-length']),
    );
    expect(record.payload?.equals(body)).toBe(true);
  });

  it('PutObject with a 200 KB Buffer or a string: still one signed plain body', async () => {
    const big = randomBytes(200_000);
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'big', Body: big }));
    expect(only().payload?.equals(big)).toBe(true);
    recorded = [];
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'str', Body: 'a string ✓' }));
    expect(only().payload?.toString()).toBe('a string ✓');
  });

  it('PutObject with a Readable: STREAMING-UNSIGNED-PAYLOAD-TRAILER, one chunk per stream chunk, crc32 trailer', async () => {
    const parts = [randomBytes(65_536), randomBytes(65_536), randomBytes(1000)];
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'stream', Body: Readable.from(parts), ContentLength: 132_072 }));
    const record = only();
    expect(record.headers).toMatchObject({
      'content-encoding': 'aws-chunked',
      'transfer-encoding': 'chunked',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': '132072',
      'x-amz-sdk-checksum-algorithm': 'CRC32',
    });
    expect(record.headers['content-length']).toBeUndefined();
    expect(record.auth?.payload).toEqual({ kind: 'streaming-unsigned-trailer' });
    expect(chunkSizes(record.raw)).toEqual([65_536, 65_536, 1000, 0]);
    expect(record.raw.toString('latin1')).toMatch(/\r\n0\r\nx-amz-checksum-crc32:[A-Za-z0-9+/]{6}==\r\n\r\n$/);
    expect(record.payload?.equals(Buffer.concat(parts))).toBe(true);
  });

  it('a byte changed in a recorded SDK stream body is BadDigest', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'k', Body: Readable.from([randomBytes(5000)]), ContentLength: 5000 }));
    const record = only();
    const tampered = Buffer.from(record.raw);
    tampered[100] = (tampered[100] ?? 0) ^ 1;
    const options = awsChunkedDecoderOptions(record.auth as AuthContext, record.headers);
    const run = pipeline(
      Readable.from([tampered]),
      createAwsChunkedDecoder(options ?? { payload: { kind: 'unsigned' } as never }),
      new Writable({ write: (_c, _e, cb) => cb() }),
    );
    await expect(run).rejects.toMatchObject({ code: 'BadDigest' });
  });

  it.each(['CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'] as const)('PutObject stream with ChecksumAlgorithm %s: trailer verified', async (algorithm) => {
    const data = randomBytes(70_000);
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'alg', Body: Readable.from([data]), ContentLength: data.length, ChecksumAlgorithm: algorithm }));
    const record = only();
    expect(record.headers['x-amz-trailer']).toBe(`x-amz-checksum-${algorithm.toLowerCase()}`);
    expect(record.payload?.equals(data)).toBe(true);
  });

  it('PutObject Buffer with ChecksumAlgorithm SHA256: the header is verified', async () => {
    const data = randomBytes(1234);
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'h', Body: data, ChecksumAlgorithm: 'SHA256' }));
    expect(only().headers['x-amz-checksum-sha256']).toBe(createHash('sha256').update(data).digest('base64'));
  });

  it('an empty stream is a lone final chunk and its trailer', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'empty', Body: Readable.from([]), ContentLength: 0 }));
    const record = only();
    expect(record.raw.toString('latin1')).toBe('0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n');
    expect(record.payload?.length).toBe(0);
  });

  it('requestChecksumCalculation WHEN_REQUIRED: a stream is sent UNSIGNED-PAYLOAD with content-length, no framing', async () => {
    const data = randomBytes(3000);
    await client({ requestChecksumCalculation: 'WHEN_REQUIRED' }).send(
      new PutObjectCommand({ Bucket: 'bkt', Key: 'w', Body: Readable.from([data]), ContentLength: 3000 }),
    );
    const record = only();
    expect(record.headers).toMatchObject({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': '3000' });
    expect(record.headers['x-amz-checksum-crc32']).toBeUndefined();
    expect(record.payload?.equals(data)).toBe(true);
  });

  it('UploadPart with a stream and an awkward upload id', async () => {
    const data = randomBytes(10);
    await s3.send(new UploadPartCommand({ Bucket: 'bkt', Key: 'mp', UploadId: 'u/1+2= 3', PartNumber: 3, Body: Readable.from([data]), ContentLength: 10 }));
    const record = only();
    expect(record.url).toBe('/bkt/mp?partNumber=3&uploadId=u%2F1%2B2%3D%203&x-id=UploadPart');
    expect(record.payload?.equals(data)).toBe(true);
  });

  const keys = ['sp ace', 'ünï/日本/😀', 'plus+', '100%', 'tilde~', "bang!'()*", 'eq=amp&hash#q?', '//double', '../up/./x', 'trailing/', 'a;b:c,d@e$f'];

  it.each(keys)('Get/Head/Put/DeleteObject with key %j', async (key) => {
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: key, Body: Buffer.from(key) }));
    await s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: key }));
    await s3.send(new HeadObjectCommand({ Bucket: 'bkt', Key: key }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'bkt', Key: key }));
    expect(recorded.map((r) => [r.method, r.error])).toEqual([
      ['PUT', undefined],
      ['GET', undefined],
      ['HEAD', undefined],
      ['DELETE', undefined],
    ]);
    expect(recorded[0]?.payload?.toString()).toBe(key);
  });

  it('ListObjectsV2 with encoded query values', async () => {
    await s3.send(new ListObjectsV2Command({ Bucket: 'bkt', Prefix: 'a/b c', ContinuationToken: 'x/y+z=', Delimiter: '/', StartAfter: 'ü' }));
    const record = only();
    expect(record.url).toBe('/bkt/?continuation-token=x%2Fy%2Bz%3D&delimiter=%2F&list-type=2&prefix=a%2Fb%20c&start-after=%C3%BC');
  });

  it('a client with the wrong secret gets SignatureDoesNotMatch', async () => {
    const wrong = client({ credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: 'not-the-secret' } });
    await expect(wrong.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'k' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(recorded[0]?.error?.code).toBe('SignatureDoesNotMatch');
  });
});
