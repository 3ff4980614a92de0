import { DeleteBucketCommand, DeleteObjectCommand, ListBucketsCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { type Clock, type Logger, rethrowIfAssertion } from '@strata/common';
import type { AccountEraser, EraseResult, EraseTarget } from './account-eraser.js';
import { LocationError } from './errors.js';
import { ERASE_DELETES_IN_FLIGHT, ERASE_KEY_PROPAGATION_MS } from './limits.js';

/**
 * Erases an account's data through its stamp's S3 front-ends, signing as the account with the
 * deletion key: the location service stays a client of the stamp's public API, so it needs no
 * access to the partition layer and passes through the same checks as any client.
 */
export class S3AccountEraser implements AccountEraser {
  constructor(private readonly deps: { clock: Clock; log: Logger }) {}

  async isEmpty(target: EraseTarget): Promise<boolean> {
    return this.withClient(target, async (s3) => ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).length === 0);
  }

  async erase(target: EraseTarget): Promise<EraseResult> {
    return this.withClient(target, async (s3) => {
      const result: EraseResult = { containers: 0, blobs: 0 };
      for (const bucket of (await s3.send(new ListBucketsCommand({}))).Buckets ?? []) {
        result.blobs += await this.emptyBucket(s3, bucket.Name!);
        await s3.send(new DeleteBucketCommand({ Bucket: bucket.Name! }));
        result.containers++;
        this.deps.log.info({ account: target.account, container: bucket.Name }, 'container erased');
      }
      return result;
    });
  }

  private async emptyBucket(s3: S3Client, bucket: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      // Always the first page: what was listed is deleted before listing again.
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = (page.Contents ?? []).map((object) => object.Key!);
      if (keys.length === 0) return deleted;
      for (let i = 0; i < keys.length; i += ERASE_DELETES_IN_FLIGHT) {
        await Promise.all(keys.slice(i, i + ERASE_DELETES_IN_FLIGHT).map((key) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))));
      }
      deleted += keys.length;
    }
  }

  /**
   * Runs `work` with a client of the first front-end, retrying while the front-ends do not yet
   * serve the deletion key (they learn it through an etcd watch).
   */
  private async withClient<T>(target: EraseTarget, work: (s3: S3Client) => Promise<T>): Promise<T> {
    const endpoint = target.frontEndEndpoints[0];
    if (!endpoint) throw new LocationError('UNAVAILABLE', `the stamp of account ${target.account} has reported no front-end; it cannot be reached`);
    const s3 = new S3Client({
      endpoint: `http://${endpoint}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: target.key.accessKeyId, secretAccessKey: target.key.secretAccessKey },
    });
    const deadline = this.deps.clock.monotonicMs() + ERASE_KEY_PROPAGATION_MS;
    try {
      for (;;) {
        try {
          return await work(s3);
        } catch (error) {
          rethrowIfAssertion(error);
          const notYet = error instanceof S3ServiceException && error.name === 'InvalidAccessKeyId';
          if (!notYet || this.deps.clock.monotonicMs() > deadline) throw this.failure(error, target);
          await this.deps.clock.sleep(200);
        }
      }
    } finally {
      s3.destroy();
    }
  }

  private failure(error: unknown, target: EraseTarget): LocationError {
    const detail = error instanceof S3ServiceException ? `${error.name}: ${error.message}` : (error as Error).message;
    return new LocationError('UNAVAILABLE', `cannot reach the data of account ${target.account} through ${target.frontEndEndpoints[0]}: ${detail}`);
  }
}
