import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartEtagOf, PART_BYTES } from './multipart-put.js';
import { PayloadSource } from './payload.js';

const md5 = (data: Buffer): Buffer => createHash('md5').update(data).digest();

describe('multipart PUTs of the load', () => {
  it("know the ETag S3 gives their object: MD5 of the parts' MD5s, dash, part count", async () => {
    const body = new PayloadSource(7).body('w1-1', PART_BYTES + 10);
    const chunks: Buffer[] = [];
    for await (const chunk of body.stream() as AsyncIterable<Buffer>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    const expected = `${createHash('md5')
      .update(Buffer.concat([md5(bytes.subarray(0, PART_BYTES)), md5(bytes.subarray(PART_BYTES))]))
      .digest('hex')}-2`;
    expect(await multipartEtagOf(body)).toEqual({ etag: expected, parts: 2 });
    // Never the plain MD5, which a single PUT of the same bytes would get.
    expect(expected.startsWith(body.md5)).toBe(false);
  });
});
