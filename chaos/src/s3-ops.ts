import { createHash } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { Outcome } from './history.js';
import type { PutBody } from './payload.js';
import { neverSent, REQUEST_TIMEOUT_MS, type S3Request, type S3Transport } from './s3-transport.js';

/** The metadata header that names the write an object's bytes came from. */
export const WRITE_HEADER = 'x-amz-meta-chaos-write';
/** Keys per listing page: S3's maximum; the load keeps fewer keys than this under a prefix. */
export const LIST_KEYS_MAX = 1000;
/** A front-end that refused a connection is skipped by a client for this long. */
const FRONT_END_BACKOFF_MS = 2_000;

export interface FrontEnd {
  id: string;
  url: string;
}

/** The part of an op record a request fills in. */
export interface Answer {
  outcome: Outcome;
  frontEnd: string;
  status?: number;
  error?: string;
  found?: boolean;
  write?: string;
  sha256?: string;
  etag?: string;
  sizeBytes?: number;
  listed?: { key: string; etag: string }[];
  truncated?: boolean;
}

/**
 * One client's way to the stamp: it prefers its own front-end and, when a front-end refuses the
 * connection (killed), sends the same request to the next one at once (nothing was sent, so
 * this is safe for writes too) and avoids the refusing one for a while.
 */
export class FrontEndChooser {
  private readonly downUntil = new Map<string, number>();

  constructor(
    private readonly frontEnds: readonly FrontEnd[],
    private readonly home: number,
    private readonly nowMs: () => number,
  ) {}

  /** Sends with `attempt`, failing over on refused connections; every front-end is tried at most once. */
  async send(attempt: (frontEnd: FrontEnd, signal: AbortSignal) => Promise<Answer>): Promise<Answer> {
    const order = this.frontEnds.map((_, i) => this.frontEnds[(this.home + i) % this.frontEnds.length]!);
    const preferred = [
      ...order.filter((fe) => (this.downUntil.get(fe.id) ?? 0) <= this.nowMs()),
      ...order.filter((fe) => (this.downUntil.get(fe.id) ?? 0) > this.nowMs()),
    ];
    let last: Answer | undefined;
    for (const frontEnd of preferred) {
      try {
        return await attempt(frontEnd, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
      } catch (error) {
        last = { outcome: neverSent(error) ? 'fail' : 'unknown', frontEnd: frontEnd.id, error: describe(error) };
        if (last.outcome !== 'fail') return last;
        this.downUntil.set(frontEnd.id, this.nowMs() + FRONT_END_BACKOFF_MS);
      }
    }
    return last!;
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  return `${code ? `${code}: ` : ''}${(error as Error).message ?? String(error)}`.slice(0, 200);
}

/** 2xx is done; 4xx certainly changed nothing; anything else may have. */
function outcomeOf(status: number): Outcome {
  return status >= 200 && status < 300 ? 'ok' : status >= 400 && status < 500 ? 'fail' : 'unknown';
}

const unquote = (etag: unknown): string => String(etag ?? '').replace(/^"(.*)"$/, '$1');
const header = (response: Dispatcher.ResponseData, name: string): string | undefined => {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function failure(response: Dispatcher.ResponseData, frontEnd: FrontEnd): Promise<Answer> {
  const text = await response.body.text();
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '';
  return { outcome: outcomeOf(response.statusCode), frontEnd: frontEnd.id, status: response.statusCode, error: `${response.statusCode} ${code}`.trim() };
}

/** S3 PutObject of `body`, naming `write` in the object's metadata. */
export async function putObject(
  transport: S3Transport,
  frontEnd: FrontEnd,
  signal: AbortSignal,
  options: { key: string; write: string; body: PutBody },
): Promise<Answer> {
  const request: S3Request = {
    endpoint: frontEnd.url,
    method: 'PUT',
    key: options.key,
    headers: { [WRITE_HEADER]: options.write, 'content-type': 'application/octet-stream' },
    body: options.body.stream(),
    contentLength: options.body.sizeBytes,
  };
  const response = await transport.send(request, signal);
  if (response.statusCode !== 200) return failure(response, frontEnd);
  await response.body.dump();
  return { outcome: 'ok', frontEnd: frontEnd.id, status: 200, etag: unquote(header(response, 'etag')) };
}

/** S3 GetObject or HeadObject: what the object holds (a GET hashes the whole body), or a 404. */
export async function readObject(
  transport: S3Transport,
  frontEnd: FrontEnd,
  signal: AbortSignal,
  options: { key: string; method: 'GET' | 'HEAD' },
): Promise<Answer> {
  const response = await transport.send({ endpoint: frontEnd.url, method: options.method, key: options.key }, signal);
  if (response.statusCode === 404) {
    await response.body.dump();
    return { outcome: 'ok', frontEnd: frontEnd.id, status: 404, found: false };
  }
  if (response.statusCode !== 200) return failure(response, frontEnd);
  const declared = Number(header(response, 'content-length'));
  const answer: Answer = { outcome: 'ok', frontEnd: frontEnd.id, status: 200, found: true, etag: unquote(header(response, 'etag')), sizeBytes: declared };
  const write = header(response, WRITE_HEADER);
  if (write !== undefined) answer.write = write;
  if (options.method === 'HEAD') {
    await response.body.dump();
    return answer;
  }
  const hash = createHash('sha256');
  let received = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    received += chunk.length;
  }
  // A body cut short by a dying server is a failed read, not a value.
  if (received !== declared) return { outcome: 'unknown', frontEnd: frontEnd.id, status: 200, error: `body of ${received} bytes, ${declared} declared` };
  return { ...answer, sha256: hash.digest('hex'), sizeBytes: received };
}

/** S3 DeleteObject. */
export async function deleteObject(transport: S3Transport, frontEnd: FrontEnd, signal: AbortSignal, key: string): Promise<Answer> {
  const response = await transport.send({ endpoint: frontEnd.url, method: 'DELETE', key }, signal);
  if (response.statusCode !== 204 && response.statusCode !== 200) return failure(response, frontEnd);
  await response.body.dump();
  return { outcome: 'ok', frontEnd: frontEnd.id, status: response.statusCode };
}

/** One ListObjectsV2 page of the keys under `prefix`, with their ETags. */
export async function listObjects(transport: S3Transport, frontEnd: FrontEnd, signal: AbortSignal, prefix: string): Promise<Answer> {
  const query = { 'list-type': '2', prefix, 'max-keys': String(LIST_KEYS_MAX) };
  const response = await transport.send({ endpoint: frontEnd.url, method: 'GET', key: '', query }, signal);
  if (response.statusCode !== 200) return failure(response, frontEnd);
  const xml = await response.body.text();
  const listed = [...xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)].map((match) => ({
    key: unescapeXml(/<Key>([^<]*)<\/Key>/.exec(match[1]!)?.[1] ?? ''),
    etag: unquote(unescapeXml(/<ETag>([^<]*)<\/ETag>/.exec(match[1]!)?.[1] ?? '')),
  }));
  return { outcome: 'ok', frontEnd: frontEnd.id, status: 200, listed, truncated: /<IsTruncated>true<\/IsTruncated>/.test(xml) };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
