import { createHash } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { PutBody } from './payload.js';
import { WRITE_HEADER, type Answer, type FrontEnd } from './s3-ops.js';
import type { S3Transport } from './s3-transport.js';

/** S3's smallest part but the last: multipart PUTs of the load are cut at this size. */
export const PART_BYTES = 5 * 1024 * 1024;

/**
 * An object written as a multipart upload: create (naming `write` in its metadata), the body
 * in PART_BYTES parts, then complete. Nothing is visible before the completion, so a failure
 * before it is `fail` whatever it was; the completion's answer decides the outcome like a PUT's
 * (a 200 whose body is an <Error> is a failure, as S3 may answer). The answer's ETag is the
 * multipart form (MD5 of the parts' MD5s, dash, part count), which the object then carries.
 */
export async function multipartPut(
  transport: S3Transport,
  frontEnd: FrontEnd,
  signal: AbortSignal,
  options: { key: string; write: string; body: PutBody },
): Promise<Answer> {
  const parts = partsOf(await bodyBytes(options.body));
  const failed = (error: string): Answer => ({ outcome: 'fail', frontEnd: frontEnd.id, error });
  let uploadId: string;
  try {
    const created = await transport.send(
      {
        endpoint: frontEnd.url,
        method: 'POST',
        key: options.key,
        query: { uploads: '' },
        headers: { [WRITE_HEADER]: options.write, 'content-type': 'application/octet-stream' },
      },
      signal,
    );
    const xml = await created.body.text();
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(xml)?.[1];
    if (created.statusCode !== 200 || !id) return failed(`create: ${created.statusCode} ${codeOf(xml)}`);
    uploadId = id;
    for (const [i, part] of parts.entries()) {
      const query = { partNumber: String(i + 1), uploadId };
      const sent = await transport.send({ endpoint: frontEnd.url, method: 'PUT', key: options.key, query, body: part, contentLength: part.length }, signal);
      const text = await sent.body.text();
      if (sent.statusCode !== 200) return failed(`part ${i + 1}: ${sent.statusCode} ${codeOf(text)}`);
    }
  } catch (error) {
    return failed(`before completion: ${(error as Error).message}`.slice(0, 200));
  }
  const md5s = parts.map((part) => createHash('md5').update(part).digest());
  const complete = `<CompleteMultipartUpload>${md5s.map((md5, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>"${md5.toString('hex')}"</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  const response: Dispatcher.ResponseData = await transport.send(
    { endpoint: frontEnd.url, method: 'POST', key: options.key, query: { uploadId }, body: complete, contentLength: Buffer.byteLength(complete) },
    signal,
  );
  const text = await response.body.text();
  const status = response.statusCode;
  if (status !== 200 || /<Error>/.test(text)) {
    const outcome = status >= 400 && status < 500 ? 'fail' : 'unknown';
    return { outcome, frontEnd: frontEnd.id, status, error: `complete: ${status} ${codeOf(text)}`.trim() };
  }
  return { outcome: 'ok', frontEnd: frontEnd.id, status, etag: multipartEtag(md5s) };
}

/** S3's ETag of a multipart object: the MD5 of its parts' binary MD5s, a dash, the part count. */
export function multipartEtag(partMd5s: readonly Buffer[]): string {
  return `${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-${partMd5s.length}`;
}

/** The ETag `body` gets when multipartPut writes it, and its part count. */
export async function multipartEtagOf(body: PutBody): Promise<{ etag: string; parts: number }> {
  const parts = partsOf(await bodyBytes(body));
  return { etag: multipartEtag(parts.map((part) => createHash('md5').update(part).digest())), parts: parts.length };
}

function partsOf(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length || parts.length === 0; offset += PART_BYTES) parts.push(bytes.subarray(offset, offset + PART_BYTES));
  return parts;
}

async function bodyBytes(body: PutBody): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body.stream() as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function codeOf(xml: string): string {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? '';
}
