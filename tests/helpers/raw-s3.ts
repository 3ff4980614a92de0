import { createHash, createHmac } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { StampInfo } from '@strata/deploy';

const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

export interface SignedRequest {
  url: URL;
  method: string;
  /** The headers to send (host excluded: fetch sets it). */
  headers: Record<string, string>;
  authorization: string;
  amzDate: string;
}

/**
 * Signs a request with SigV4 using the AWS SDK's own signer, with exactly the headers given
 * (their x-amz-content-sha256 is taken as the payload hash): for bad input the SDK would
 * refuse to build.
 */
export async function signRequest(options: {
  info: StampInfo;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  signingDate?: Date;
}): Promise<SignedRequest> {
  const url = new URL(options.path, options.info.s3Endpoint);
  const request = new HttpRequest({
    method: options.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, ...options.headers },
    ...(options.body ? { body: options.body } : {}),
  });
  const signer = new SignatureV4({
    service: 's3',
    region: options.info.region,
    credentials: options.credentials ?? { accessKeyId: options.info.accessKeyId, secretAccessKey: options.info.secretAccessKey },
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign(request, options.signingDate ? { signingDate: options.signingDate } : {});
  const headers: Record<string, string> = { ...signed.headers };
  delete headers.host;
  return { url, method: options.method, headers, authorization: signed.headers.authorization ?? '', amzDate: signed.headers['x-amz-date'] ?? '' };
}

/** Sends a signed request with `body` (which may differ from what was signed). */
export async function send(signed: SignedRequest, body?: Buffer): Promise<RawResponse> {
  const response = await fetch(signed.url, { method: signed.method, headers: signed.headers, ...(body ? { body } : {}) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Signs and sends in one step. */
export async function signedRequest(options: Parameters<typeof signRequest>[0]): Promise<RawResponse> {
  return send(await signRequest(options), options.body);
}

/** The SigV4 chunk signatures of an aws-chunked body (S3's "chunked upload" definition). */
export function signChunks(options: { secretAccessKey: string; amzDate: string; region: string; seedSignature: string; chunks: Buffer[] }): string[] {
  const date = options.amzDate.slice(0, 8);
  const scope = `${date}/${options.region}/s3/aws4_request`;
  const key = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey}`, date), options.region), 's3'), 'aws4_request');
  let previous = options.seedSignature;
  return options.chunks.map((chunk) => {
    const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', options.amzDate, scope, previous, sha256Hex(''), sha256Hex(chunk)].join('\n');
    previous = hmac(key, stringToSign).toString('hex');
    return previous;
  });
}

/** The seed signature of a signed request: the Signature of its Authorization header. */
export function seedSignatureOf(authorization: string): string {
  return /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? '';
}

/** A SHA-256 implementation in the shape the SDK's signer takes. */
type Bytes = string | ArrayBuffer | ArrayBufferView;
const toBuffer = (data: Bytes): Buffer | string =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

class Sha256 {
  private readonly hash;
  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: Bytes): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}
