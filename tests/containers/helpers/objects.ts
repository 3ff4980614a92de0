import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { systemClock } from '@strata/common';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** PUTs `body` and returns nothing: the SDK throws on anything but 200. */
export async function putObject(s3: S3Client, bucket: string, key: string, body: Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

/** GETs an object's bytes. */
export async function getObject(s3: S3Client, bucket: string, key: string): Promise<Buffer> {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = systemClock.monotonicMs() + timeoutMs;
  let last = '';
  while (systemClock.monotonicMs() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = ` (last error: ${(error as Error).message})`;
    }
    await systemClock.sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`);
}

/** A probe's answer: status and JSON body. */
export async function probe(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
