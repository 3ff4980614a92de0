import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Readable } from 'node:stream';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Agent, request, type Dispatcher } from 'undici';

/** A request still unanswered after this long is given up on (its outcome stays unknown): longer than a lease expiry plus a failover. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Keep-alive connections per front-end: one per client is plenty. */
const CONNECTIONS_PER_ORIGIN_MAX = 32;

type Bytes = string | ArrayBuffer | ArrayBufferView;

/** node:crypto in the shape the smithy signer takes. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', asBinary(secret));
  }
  update(data: Bytes): void {
    this.hash.update(asBinary(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function asBinary(data: Bytes): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

export interface S3Request {
  endpoint: string;
  method: 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'POST';
  /** Empty for the bucket itself. */
  key: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Readable | string | Buffer;
  contentLength?: number;
}

/**
 * Signed S3 requests to one bucket over any of a stamp's front-ends: SigV4 header auth (the
 * AWS SDK's signer) with an unsigned payload, no retries, a deadline on every request. The
 * caller reads the answer; nothing here interprets it.
 */
export class S3Transport {
  private readonly signer: SignatureV4;
  private readonly agent = new Agent({
    connections: CONNECTIONS_PER_ORIGIN_MAX,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
    connectTimeout: 5_000,
  });

  constructor(private readonly options: { region: string; bucket: string; accessKeyId: string; secretAccessKey: string }) {
    this.signer = new SignatureV4({
      service: 's3',
      region: options.region,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
  }

  /** Sends one request and resolves with the answer's head (the body is the caller's to read or dump). */
  async send(spec: S3Request, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
    const url = new URL(spec.endpoint);
    const path = `/${this.options.bucket}${spec.key ? `/${spec.key.split('/').map(encodeURIComponent).join('/')}` : ''}`;
    const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...spec.headers };
    if (spec.contentLength !== undefined) headers['content-length'] = String(spec.contentLength);
    const signed = await this.signer.sign(
      new HttpRequest({ method: spec.method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query: spec.query ?? {}, headers }),
    );
    const search = new URLSearchParams(spec.query ?? {}).toString().replace(/\+/g, '%20');
    const { host: _host, ...sendHeaders } = signed.headers;
    return request(`${url.origin}${path}${search ? `?${search}` : ''}`, {
      method: spec.method,
      headers: sendHeaders,
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      dispatcher: this.agent,
      signal,
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Whether an error means the request never reached the server (safe to send elsewhere, certainly not applied). */
export function neverSent(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT';
}
