import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createPayloadVerifier, payloadVerifierOptions, type PayloadVerifierOptions } from './payload-verifier.js';

const data = randomBytes(150_000);
const sha256Hex = createHash('sha256').update(data).digest('hex');
const md5 = createHash('md5').update(data).digest('base64');
const sha1 = createHash('sha1').update(data).digest('base64');

async function run(options: PayloadVerifierOptions, body: Buffer = data, pieceSize = 10_000): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < body.length; offset += pieceSize) pieces.push(body.subarray(offset, offset + pieceSize));
  const out: Buffer[] = [];
  const verifier = createPayloadVerifier(options);
  await pipeline(
    Readable.from(pieces),
    verifier,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out.push(chunk);
        callback();
      },
    }),
  );
  expect(verifier.length).toBe(body.length);
  return Buffer.concat(out);
}

async function code(options: PayloadVerifierOptions, body: Buffer = data): Promise<string | undefined> {
  try {
    await run(options, body);
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const tampered = Buffer.from(data);
tampered[77_777] = (tampered[77_777] ?? 0) ^ 0xff;

describe('payload verifier', () => {
  it('passes data through unchanged when everything matches', async () => {
    const options = payloadVerifierOptions(
      { 'x-amz-content-sha256': sha256Hex, 'x-amz-checksum-sha1': sha1, 'content-md5': md5 },
      { kind: 'sha256', hex: sha256Hex },
    );
    expect(options).toEqual({ sha256Hex, checksum: { algorithm: 'sha1', base64: sha1 }, contentMd5: md5 });
    expect((await run(options)).equals(data)).toBe(true);
    expect((await run({}, Buffer.alloc(0))).length).toBe(0);
  });

  it('a body that does not hash to x-amz-content-sha256 → XAmzContentSHA256Mismatch', async () => {
    expect(await code({ sha256Hex }, tampered)).toBe('XAmzContentSHA256Mismatch');
    expect(await code({ sha256Hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })).toBe('XAmzContentSHA256Mismatch');
  });

  it('a body that does not match its x-amz-checksum-* header → BadDigest', async () => {
    expect(await code({ checksum: { algorithm: 'sha1', base64: sha1 } }, tampered)).toBe('BadDigest');
    expect(await code({ checksum: { algorithm: 'crc32', base64: 'AAAAAA==' } })).toBe('BadDigest');
  });

  it('a body that does not match Content-MD5 → BadDigest', async () => {
    expect(await code({ contentMd5: md5 }, tampered)).toBe('BadDigest');
  });

  it('hands out the MD5 it hashed (the ETag) only once the body ended with every check passed', async () => {
    const pieces = (body: Buffer): Readable => Readable.from([body.subarray(0, 70_000), body.subarray(70_000)]);
    const sink = (): Writable => new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const asked = createPayloadVerifier({ computeMd5: true });
    expect(asked.md5()).toBeUndefined();
    await pipeline(pieces(data), asked, sink());
    expect(asked.md5()?.toString('base64')).toBe(md5);
    const checked = createPayloadVerifier({ contentMd5: md5 });
    await pipeline(pieces(data), checked, sink());
    expect(checked.md5()?.toString('base64')).toBe(md5);
    // Without Content-MD5 or computeMd5 nothing is hashed; a failed check leaves no digest to store.
    const none = createPayloadVerifier({});
    await pipeline(pieces(data), none, sink());
    expect(none.md5()).toBeUndefined();
    const failed = createPayloadVerifier({ contentMd5: md5, computeMd5: true });
    await expect(pipeline(pieces(tampered), failed, sink())).rejects.toMatchObject({ code: 'BadDigest' });
    expect(failed.md5()).toBeUndefined();
  });

  it('malformed headers are refused before the body is read', () => {
    expect(() => payloadVerifierOptions({ 'x-amz-checksum-crc32': 'nope' })).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    expect(() => payloadVerifierOptions({ 'x-amz-checksum-crc32': 'AAAAAA==', 'x-amz-checksum-crc32c': 'AAAAAA==' })).toThrow(
      expect.objectContaining({ code: 'InvalidRequest' }),
    );
    expect(() => payloadVerifierOptions({ 'content-md5': 'short' })).toThrow(expect.objectContaining({ code: 'InvalidDigest' }));
  });

  it('only a signed digest is checked against x-amz-content-sha256', () => {
    const headers = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    expect(payloadVerifierOptions(headers, { kind: 'unsigned' })).toEqual({});
    expect(payloadVerifierOptions(headers, { kind: 'streaming-unsigned-trailer' })).toEqual({});
    expect(payloadVerifierOptions({ 'x-amz-content-sha256': sha256Hex })).toEqual({});
  });
});
