import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerStamp } from './helpers/container-stamp.js';
import { waitFor } from '@strata/common/testing';
import { getObject, probe, putObject, sha256 } from './helpers/objects.js';
import { replicaLengths } from './helpers/stamp-streams.js';

const BUCKET = 'containers';
const MiB = 1024 * 1024;

describe('a stamp of containers (one per role, etcd included) through testcontainers', () => {
  let stamp: ContainerStamp;
  const written = new Map<string, Buffer>();

  beforeAll(async () => {
    stamp = await ContainerStamp.start({ extentNodes: 3 });
    process.stdout.write(`container stamp: start to ready in ${stamp.startToReadyMs} ms\n`);
  });
  afterAll(async () => {
    await stamp?.destroy();
  });

  const expectAllReadBack = async (): Promise<void> => {
    for (const [key, body] of written) expect(sha256(await getObject(stamp.s3, BUCKET, key)), key).toBe(sha256(body));
  };

  it('answers liveness and readiness from every role container', async () => {
    for (const [id, role] of stamp.roles) {
      if (role.spec.role === 'etcd') continue;
      const base = `http://127.0.0.1:${role.spec.probePort}`;
      expect(await probe(`${base}/livez`), id).toEqual({ status: 200, body: { live: true } });
      expect(await probe(`${base}/readyz`), id).toEqual({ status: 200, body: { ready: true } });
    }
  });

  it('serves PUT and GET through the AWS SDK', async () => {
    await stamp.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    for (const [key, size] of [
      ['empty', 0],
      ['one-kib', 1024],
      ['dir/three-mib', 3 * MiB],
    ] as const) {
      const body = randomBytes(size);
      await putObject(stamp.s3, BUCKET, key, body);
      written.set(key, body);
    }
    await expectAllReadBack();
    const listed = await stamp.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(listed.Contents?.map((object) => object.Key).sort()).toEqual([...written.keys()].sort());
  });

  it('a partition server killed and restarted with its volume rejoins and serves what was acknowledged', async () => {
    await stamp.kill('ps-1');
    await stamp.restart('ps-1');
    await waitFor('the front-end to be ready again', async () => (await probe(stamp.role('fe-1').readyUrl)).status === 200, { timeoutMs: 60_000 });
    await expectAllReadBack();
    const body = randomBytes(64 * 1024);
    await putObject(stamp.s3, BUCKET, 'after-ps-restart', body);
    written.set('after-ps-restart', body);
    await expectAllReadBack();
  });

  it('an extent node killed and restarted with its volume rejoins with every byte it held', async () => {
    const before = await replicaLengths(stamp.etcdEndpoint, 'en-2');
    expect(before.size).toBeGreaterThan(0);
    await stamp.kill('en-2');
    await stamp.restart('en-2');
    expect(await probe(stamp.role('en-2').readyUrl)).toEqual({ status: 200, body: { ready: true } });
    const after = await replicaLengths(stamp.etcdEndpoint, 'en-2');
    for (const [extentId, length] of before) expect(after.get(extentId), extentId).toBeGreaterThanOrEqual(length);
    await expectAllReadBack();
    // The commit log's extent had a replica on en-2: the first write after its death seals that
    // extent and reloads the partition, answering 503 meanwhile (which the SDK retries, or we do).
    // The stamp must take writes again before the next test sends a body that cannot be resent.
    const body = randomBytes(64 * 1024);
    await waitFor('the stamp to take writes again', async () => (await putObject(stamp.s3, BUCKET, 'after-en-restart', body), true), { timeoutMs: 60_000 });
    written.set('after-en-restart', body);
    await expectAllReadBack();
  });

  it('SIGTERM drains a front-end: not ready at once, the PUT in flight completes, then exit 0', async () => {
    const chunks = [randomBytes(256 * 1024), randomBytes(256 * 1024)];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent === 0) this.push(chunks[sent++]);
        // The second half leaves only once the front-end has begun to stop.
        else if (sent === 1)
          void released.then(() => {
            this.push(chunks[sent++]);
            this.push(null);
          });
      },
    });
    const put = stamp.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'in-flight-at-sigterm', Body: body, ContentLength: 512 * 1024 }));
    await waitFor('the first half of the body to be on its way', () => sent === 1, { timeoutMs: 10_000 });
    const exited = stamp.terminate('fe-1');
    await waitFor(
      'the front-end to report itself not ready',
      async () => {
        const answer = await probe(stamp.role('fe-1').readyUrl);
        return answer.status === 503 && answer.body.problem === 'stopping';
      },
      { timeoutMs: 10_000 },
    );
    release();
    await put;
    expect(await exited).toBe(0);
    written.set('in-flight-at-sigterm', Buffer.concat(chunks));
    await stamp.restart('fe-1');
    await expectAllReadBack();
  });
});
