import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { request } from 'undici';
import type { ListPage, ObjectRequest } from './target.js';

type SourceData = string | ArrayBuffer | ArrayBufferView;

const toBytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** node:crypto behind the checksum interface the smithy signer wants (what @smithy/hash-node does). */
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

/** Presigned URLs stay valid this long: longer than any full bench run. */
const PRESIGN_EXPIRES_SECONDS = 3 * 3600;
/** Keys per ListObjectsV2 page: S3's own maximum (and default). */
const LIST_PAGE_KEYS = 1000;

/**
 * SigV4 query signing (the AWS SDK's own signer) for one bucket of an S3 server, so the load
 * generator sends plain GETs and PUTs without signing anything in its timed loop.
 */
export class S3Presigner {
  private readonly signer: SignatureV4;
  private readonly host: string;

  constructor(private readonly options: { origin: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string }) {
    this.signer = new SignatureV4({
      service: 's3',
      region: options.region,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
    this.host = new URL(options.origin).host;
  }

  /** A presigned path (and query) for `method` on `key`, or on the bucket itself when key is empty. */
  async presign(method: string, key: string, query: Record<string, string> = {}): Promise<string> {
    const path = `/${this.options.bucket}${key ? `/${key.split('/').map(encodeURIComponent).join('/')}` : ''}`;
    const signed = await this.signer.presign(
      new HttpRequest({
        method,
        protocol: 'http:',
        hostname: this.host.split(':')[0],
        port: Number(this.host.split(':')[1]),
        path,
        query,
        headers: { host: this.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      }),
      { expiresIn: PRESIGN_EXPIRES_SECONDS },
    );
    const search = new URLSearchParams(signed.query as Record<string, string>).toString().replace(/\+/g, '%20');
    return `${path}?${search}`;
  }

  /** Presigned requests for every key, made before the loop that sends them. */
  async requests(method: 'GET' | 'PUT', keys: string[]): Promise<ObjectRequest[]> {
    const out: ObjectRequest[] = [];
    for (const key of keys) out.push({ path: await this.presign(method, key), headers: {} });
    return out;
  }

  /** Creates the bucket (a 409 for one that exists is fine). */
  async createBucket(): Promise<void> {
    const response = await request(`${this.options.origin}${await this.presign('PUT', '')}`, { method: 'PUT' });
    const text = await response.body.text();
    if (response.statusCode !== 200 && response.statusCode !== 409) throw new Error(`CreateBucket answered ${response.statusCode}: ${text.slice(0, 300)}`);
  }

  /**
   * Creates the bucket, then PUTs and GETs one object, so the server has made whatever it makes
   * lazily (a data pool, an account) before any timing; `peer` names it in a failure.
   */
  async warmUp(peer: string, options: { timeoutMs?: number } = {}): Promise<void> {
    await this.createBucket();
    const origin = this.options.origin;
    const put = await request(`${origin}${await this.presign('PUT', 'warm-up')}`, {
      method: 'PUT',
      body: 'warm-up',
      ...(options.timeoutMs ? { headersTimeout: options.timeoutMs } : {}),
    });
    const text = await put.body.text();
    if (put.statusCode !== 200) throw new Error(`${peer} warm-up PUT answered ${put.statusCode}: ${text.slice(0, 300)}`);
    const get = await request(`${origin}${await this.presign('GET', 'warm-up')}`);
    if ((await get.body.text()) !== 'warm-up') throw new Error(`${peer} warm-up GET answered ${get.statusCode}`);
  }

  /**
   * One ListObjectsV2 page. Signed here, per page: one signature per thousand keys is noise
   * next to the listing itself.
   */
  async listPage(options: { prefix: string; continuationToken?: string }): Promise<ListPage> {
    const query: Record<string, string> = { 'list-type': '2', prefix: options.prefix, 'max-keys': String(LIST_PAGE_KEYS) };
    if (options.continuationToken) query['continuation-token'] = options.continuationToken;
    const response = await request(`${this.options.origin}${await this.presign('GET', '', query)}`);
    const xml = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`ListObjectsV2 answered ${response.statusCode}: ${xml.slice(0, 300)}`);
    const keys = xml.match(/<Key>/g)?.length ?? 0;
    const token = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
    const truncated = /<IsTruncated>true<\/IsTruncated>/.test(xml);
    return truncated && token ? { keys, continuationToken: unescapeXml(token) } : { keys };
  }
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
