import { createHash, createHmac, randomBytes, type Hash, type Hmac } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { Credentials } from './auth-context.js';
import { createAwsChunkedDecoder } from './aws-chunked-decoder.js';
import { verifySigV4, type VerifySigV4Options } from './verify-sigv4.js';

// Cross-checks against the signer the AWS SDK for JavaScript v3 uses (@smithy/signature-v4).

const ACCESS_KEY = 'AKIDSMITHYTEST';
const SECRET = 'smithy/secret+key=';
const NOW = Date.UTC(2025, 0, 15, 12, 30, 0);
const HOST = '127.0.0.1:9000';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

/** node:crypto behind the Checksum interface smithy wants (what @smithy/hash-node does). */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: SourceData): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(this.secret));
  }
}

const signer = new SignatureV4({
  service: 's3',
  region: 'us-east-1',
  credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
  sha256: NodeSha256,
  uriEscapePath: false,
  applyChecksum: false,
});

const lookupCredentials = (id: string): Credentials | undefined => (id === ACCESS_KEY ? { secretAccessKey: SECRET, account: 'acct' } : undefined);
const options: VerifySigV4Options = { lookupCredentials, nowMs: NOW };

/** encodeURIComponent plus !'()*: the SDK's extendedEncodeURIComponent. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An object path as the S3 client serialises it: each key segment escaped, '/' kept. */
function objectPath(bucket: string, key: string): string {
  return `/${bucket}/${key.split('/').map(escapeUri).join('/')}`;
}

/** The query string the SDK's querystring-builder writes; a null value writes a bare key. */
function queryString(query: Record<string, string | null>): string {
  return Object.keys(query)
    .map((key) => (query[key] === null ? escapeUri(key) : `${escapeUri(key)}=${escapeUri(query[key] ?? '')}`))
    .join('&');
}

interface Signed {
  method: string;
  rawUrl: string;
  headers: Record<string, string>;
}

async function sign(method: string, path: string, init: { query?: Record<string, string | null>; headers?: Record<string, string> } = {}): Promise<Signed> {
  const query = init.query ?? {};
  const smithyQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v ?? '']));
  const request = new HttpRequest({
    method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 9000,
    path,
    query: smithyQuery,
    headers: { host: HOST, 'x-amz-content-sha256': EMPTY_SHA256, ...init.headers },
  });
  const signed = await signer.sign(request, { signingDate: new Date(NOW) });
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const qs = queryString(query);
  return { method, rawUrl: qs === '' ? path : `${path}?${qs}`, headers };
}

async function presign(method: string, path: string, query: Record<string, string> = {}, expiresIn = 900): Promise<Signed> {
  // As @aws-sdk/s3-request-presigner does: UNSIGNED-PAYLOAD as a header, which the signer hoists into the query.
  const request = new HttpRequest({
    method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 9000,
    path,
    query,
    headers: { host: HOST, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
  });
  const signed = await signer.presign(request, { signingDate: new Date(NOW), expiresIn, unsignableHeaders: new Set(['content-type']) });
  const signedQuery = signed.query as Record<string, string>;
  return { method, rawUrl: `${path}?${queryString(signedQuery)}`, headers: { host: HOST } };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const AWKWARD_KEYS = [
  'plain.txt',
  'with space',
  'ünïcødé/日本語/😀',
  'plus+sign',
  '100%',
  '%2F-looks-encoded',
  'tilde~',
  'bang!',
  "quote'(paren)*star",
  'eq=amp&hash#q?',
  '//double//slash',
  '../up/./dot/..',
  'trailing/',
  'semi;colon:comma,at@dollar$',
  '  leading and trailing  ',
  '[brackets]{braces}|pipe\\back^caret`grave"dq<lt>',
];

describe('verifySigV4 against @smithy/signature-v4', () => {
  it.each(['GET', 'PUT', 'DELETE', 'HEAD'])('%s with awkward keys', async (method) => {
    for (const key of AWKWARD_KEYS) {
      const request = await sign(method, objectPath('bucket', key));
      const result = verifySigV4(request, options);
      expect(result.anonymous, `${method} ${key}`).toBe(false);
    }
  });

  it('list queries with encoded values, bare keys and repeated sorting', async () => {
    const queries: Array<Record<string, string | null>> = [
      { 'list-type': '2', prefix: 'a/b', 'continuation-token': '1/2+3=4 5&6', delimiter: '/', 'start-after': 'ü~' },
      { uploads: null, prefix: 'x' },
      { 'x-id': 'GetObject', 'response-content-disposition': 'attachment; filename="a b.txt"' },
      { partNumber: '3', uploadId: 'u/1+2=' },
    ];
    for (const query of queries) {
      const request = await sign('GET', '/bucket', { query });
      expect(verifySigV4(request, options).anonymous, JSON.stringify(query)).toBe(false);
    }
  });

  it('PUT with a payload hash, metadata and untidy header values', async () => {
    const body = Buffer.from('hello world');
    const sha = createHash('sha256').update(body).digest('hex');
    const request = await sign('PUT', objectPath('bucket', 'k'), {
      headers: { 'x-amz-content-sha256': sha, 'content-type': 'text/plain', 'x-amz-meta-note': '  spaced   out\tvalue ', 'content-length': '11' },
    });
    const auth = verifySigV4(request, options);
    expect(auth.anonymous === false && auth.payload).toEqual({ kind: 'sha256', hex: sha });
  });

  it('any tampering or a wrong secret is SignatureDoesNotMatch', async () => {
    const request = await sign('PUT', objectPath('bucket', 'key one'), {
      query: { 'x-id': 'PutObject' },
      headers: { 'x-amz-meta-a': 'b', 'content-type': 'text/plain' },
    });
    expect(verifySigV4(request, options).anonymous).toBe(false);
    const tampered: Signed[] = [
      { ...request, method: 'POST' },
      { ...request, rawUrl: request.rawUrl.replace('key%20one', 'key%20two') },
      { ...request, rawUrl: request.rawUrl.replace('/bucket/', '/bucket2/') },
      { ...request, rawUrl: `${request.rawUrl}&acl` },
      { ...request, rawUrl: request.rawUrl.replace('x-id=PutObject', 'x-id=GetObject') },
      { ...request, rawUrl: request.rawUrl.replace('?x-id=PutObject', '') },
      { ...request, headers: { ...request.headers, 'x-amz-meta-a': 'c' } },
      { ...request, headers: { ...request.headers, 'content-type': 'text/html' } },
      { ...request, headers: { ...request.headers, host: '127.0.0.1:9001' } },
      { ...request, headers: { ...request.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
    ];
    for (const bad of tampered)
      expect(
        codeOf(() => verifySigV4(bad, options)),
        `${bad.method} ${bad.rawUrl}`,
      ).toBe('SignatureDoesNotMatch');
    const wrongSecret = { ...options, lookupCredentials: () => ({ secretAccessKey: `${SECRET}!`, account: 'acct' }) };
    expect(codeOf(() => verifySigV4(request, wrongSecret))).toBe('SignatureDoesNotMatch');
  });

  it('presigned URLs for awkward keys verify, with UNSIGNED-PAYLOAD', async () => {
    for (const key of AWKWARD_KEYS) {
      const request = await presign('GET', objectPath('bucket', key), { 'response-content-type': 'text/plain; charset=utf-8' });
      const auth = verifySigV4(request, options);
      expect(auth.anonymous === false && auth.via, key).toBe('presigned');
      expect(auth.anonymous === false && auth.payload, key).toEqual({ kind: 'unsigned' });
    }
  });

  it('presigned URLs expire and refuse tampering', async () => {
    const request = await presign('PUT', objectPath('bucket', 'up load'), {}, 3600);
    expect(verifySigV4(request, { ...options, nowMs: NOW + 3_600_000 }).anonymous).toBe(false);
    expect(codeOf(() => verifySigV4(request, { ...options, nowMs: NOW + 3_600_001 }))).toBe('AccessDenied');
    expect(codeOf(() => verifySigV4({ ...request, method: 'GET' }, options))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...request, rawUrl: request.rawUrl.replace('up%20load', 'down%20load') }, options))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...request, rawUrl: request.rawUrl.replace('X-Amz-Expires=3600', 'X-Amz-Expires=7200') }, options))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(codeOf(() => verifySigV4({ ...request, rawUrl: `${request.rawUrl}&versionId=1` }, options))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...request, headers: { host: 'evil:9000' } }, options))).toBe('SignatureDoesNotMatch');
    const wrongSecret = { ...options, lookupCredentials: () => ({ secretAccessKey: 'nope', account: 'acct' }) };
    expect(codeOf(() => verifySigV4(request, wrongSecret))).toBe('SignatureDoesNotMatch');
  });

  it('presigned URLs that sign an extra header need that header', async () => {
    const request = new HttpRequest({
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 9000,
      path: '/b/k',
      headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-1' },
    });
    const signed = await signer.presign(request, { signingDate: new Date(NOW), unhoistableHeaders: new Set(['x-amz-content-sha256']) });
    const rawUrl = `/b/k?${queryString(signed.query as Record<string, string>)}`;
    expect(
      verifySigV4({ method: 'GET', rawUrl, headers: { host: HOST, range: 'bytes=0-1', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, options).anonymous,
    ).toBe(false);
    expect(
      codeOf(() => verifySigV4({ method: 'GET', rawUrl, headers: { host: HOST, range: 'bytes=0-2', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, options)),
    ).toBe('SignatureDoesNotMatch');
  });
});

describe('aws-chunked signatures agree with @smithy/signature-v4 signEvent', () => {
  it('a random body signed chunk by chunk with smithy decodes', async () => {
    const signer = new SignatureV4({ service: 's3', region: 'eu-central-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' }, sha256: NodeSha256 });
    const data = randomBytes(50_000);
    const seed = 'f'.repeat(64);
    const parts: Buffer[] = [];
    let prior = seed;
    for (const chunk of [data.subarray(0, 8192), data.subarray(8192, 40_000), data.subarray(40_000), Buffer.alloc(0)]) {
      prior = await signer.sign({ headers: new Uint8Array(0), payload: chunk }, { priorSignature: prior, signingDate: new Date(NOW) });
      parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${prior}\r\n`), chunk, Buffer.from('\r\n'));
    }
    const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
    const signingKey = hmac(hmac(hmac(hmac('AWS4S', '20250115'), 'eu-central-1'), 's3'), 'aws4_request');
    const signing = { signingKey, amzDate: '20250115T123000Z', scope: '20250115/eu-central-1/s3/aws4_request', seedSignature: seed };
    const decodeBody = async (body: Buffer): Promise<Buffer> => {
      const out: Buffer[] = [];
      const pieces = Array.from({ length: Math.ceil(body.length / 777) }, (_, i) => body.subarray(i * 777, (i + 1) * 777));
      const sink = new Writable({
        write: (chunk: Buffer, _encoding, callback) => {
          out.push(chunk);
          callback();
        },
      });
      const decoder = createAwsChunkedDecoder({ payload: { kind: 'streaming-signed', trailer: false }, signing, decodedContentLength: 50_000 });
      await pipeline(Readable.from(pieces), decoder, sink);
      return Buffer.concat(out);
    };
    const body = Buffer.concat(parts);
    expect((await decodeBody(body)).equals(data)).toBe(true);
    const tampered = Buffer.from(body);
    tampered[20_000] = (tampered[20_000] ?? 0) ^ 1;
    await expect(decodeBody(tampered)).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});
