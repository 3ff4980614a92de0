import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { systemClock } from '@strata/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerStamp } from './helpers/container-stamp.js';
import { getObject, sha256 } from './helpers/objects.js';
import { PutLoad } from './helpers/put-load.js';
import { appendChain } from './helpers/stamp-streams.js';

const BUCKET = 'failures';
/** PUTs acknowledged between events: enough to show the load runs, few enough to keep the test short. */
const ACKS_BETWEEN_EVENTS = 20;
/** How long writes may stall after a replica dies (the seal and a new extent must fit in it). */
const RECOVERY_DEADLINE_MS = 60_000;

interface KillFigures {
  position: string;
  nodeId: string;
  extentId: string;
  /** From the SIGKILL to the first acknowledged PUT that started after it. */
  writeStallMs?: number;
  error?: string;
}

describe('SIGKILL of extent-node containers under PUT load (4 extent nodes, 3 replicas)', () => {
  let stamp: ContainerStamp;
  let load: PutLoad | undefined;
  let s3: S3Client;
  const figures: KillFigures[] = [];

  beforeAll(async () => {
    stamp = await ContainerStamp.start({ extentNodes: 4 });
    // No hidden retries, and a PUT that hangs on a dead chain fails rather than stalls a writer.
    s3 = new S3Client({
      endpoint: stamp.s3Endpoint,
      region: 'us-east-1',
      credentials: stamp.credentials,
      maxAttempts: 1,
      requestHandler: { requestTimeout: 20_000 },
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    await load?.stop();
    s3?.destroy();
    await stamp?.destroy();
    process.stdout.write(
      `extent-node failure figures: ${JSON.stringify({ figures, acked: load?.acked.length, failed: load?.failures.length, firstFailures: load?.failures.slice(0, 3) })}\n`,
    );
  });

  it('loses no acknowledged PUT and keeps taking writes when the head, middle and tail of the commit log chain die', async () => {
    load = new PutLoad({ s3, bucket: BUCKET, writers: 4, sizeBytesMax: 64 * 1024 });
    await load.waitForAcks(ACKS_BETWEEN_EVENTS, 0, 60_000);
    for (const [index, position] of ['head', 'middle', 'tail'].entries()) {
      const chain = await appendChain(stamp.etcdEndpoint, '/log');
      const nodeId = chain.replicas[index]!.nodeId;
      const kill: KillFigures = { position, nodeId, extentId: chain.extentId };
      figures.push(kill);
      const killedMs = systemClock.monotonicMs();
      await stamp.kill(nodeId);
      try {
        await load.waitForAcks(ACKS_BETWEEN_EVENTS, killedMs, RECOVERY_DEADLINE_MS);
        kill.writeStallMs = Math.round(load.ackedStartedAfter(killedMs)[0]!.ackedMs - killedMs);
      } catch (error) {
        kill.error = (error as Error).message;
      }
      // Back with its volume before the next kill, so three healthy nodes remain for a chain.
      await stamp.restart(nodeId);
      if (kill.error) break;
    }
    await load.stop();

    const lost: string[] = [];
    for (const put of load.acked) {
      const body = await getObject(stamp.s3, BUCKET, put.key).catch((error: Error) => Buffer.from(`unreadable: ${error.name}`));
      if (body.length !== put.sizeBytes || sha256(body) !== put.sha256) lost.push(put.key);
    }
    expect(lost, 'acknowledged PUTs that do not read back byte-identical').toEqual([]);
    expect(load.acked.length).toBeGreaterThanOrEqual(ACKS_BETWEEN_EVENTS);
    expect(figures.map((kill) => `${kill.position} ${kill.nodeId}: ${kill.error ?? 'writes resumed'}`)).toEqual(
      figures.map((kill) => `${kill.position} ${kill.nodeId}: writes resumed`),
    );
    expect(figures.map((kill) => kill.position)).toEqual(['head', 'middle', 'tail']);
  });
});
