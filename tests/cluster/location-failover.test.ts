import { waitFor } from '@strata/common/testing';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { connectEtcd } from '@strata/common';
import type { AccountView } from '@strata/location-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, dig, digStatus, strataJson } from '../helpers/location.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { processAlive } from '../helpers/process-alive.js';

/** Armed in ls-2 only: it dies between registering an account in its stamp and publishing it. */
const CRASH_BEFORE_PUBLISH = 'location.create.afterStampRegistration=crash';

describe('location service high availability: two instances, leader by etcd election', () => {
  let t: TestStamp;
  /** The admin URL of instance ls-N (stamp.json lists them in order, and a restart keeps the ports). */
  const admin = (id: string): string => t.stamp.info.locationService.admins[Number(id.slice('ls-'.length)) - 1]!;
  const leads = async (id: string): Promise<boolean> => ((await (await fetch(`${admin(id)}/v1/health`)).json()) as { leader: boolean }).leader;

  beforeAll(async () => {
    t = await startTestStamp({ locationServices: 2, processEnv: { 'ls-2': { STRATA_FAILPOINTS: CRASH_BEFORE_PUBLISH } } });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('elects one leader; a standby serves reads and forwards changes to it', async () => {
    await waitFor('ls-1 to lead', () => leads('ls-1'));
    expect(await leads('ls-2')).toBe(false);
    const relayed = await adminCall(t.stamp.info, 'POST', '/v1/accounts', { endpoint: admin('ls-2'), body: JSON.stringify({ name: 'relayed' }) });
    expect(relayed).toMatchObject({ status: 201, body: { name: 'relayed', state: 'ACTIVE' } });
    const listed = await adminCall(t.stamp.info, 'GET', '/v1/accounts', { endpoint: admin('ls-2') });
    expect((listed.body.accounts as AccountView[]).map((account) => account.name)).toEqual(['relayed', 'strata']);
    expect((await dig(t.stamp.info.locationService.dns, ['+short', 'strata.test', 'NS'])).trim().split('\n').sort()).toEqual([
      'ns-ls-1.strata.test.',
      'ns-ls-2.strata.test.',
    ]);
  });

  it('kills the leader between registering an account and publishing it: nothing half-created is visible, and a retry completes it', async () => {
    // Make ls-2 (the armed one) the leader: kill ls-1, then bring it back as a standby.
    await t.stamp.kill('ls-1');
    await waitFor('ls-2 to take over', () => leads('ls-2'), { timeoutMs: 20_000 });
    await t.stamp.restart('ls-1');
    const info = t.stamp.info;
    const ls2 = t.stamp.processes().find((p) => p.id === 'ls-2')!;

    // Through the standby, which forwards to the leader; the leader dies mid-way and the standby says so.
    const attempt = await adminCall(info, 'POST', '/v1/accounts', {
      endpoint: admin('ls-1'),
      body: JSON.stringify({ name: 'phoenix', requestToken: 'first-try' }),
    });
    expect(attempt).toMatchObject({ status: 503, body: { error: { code: 'NOT_LEADER' } } });
    await waitFor('ls-2 to be dead', () => !t.stamp.processes().some((p) => p.id === 'ls-2' && processAlive(p.pid)));
    expect(processAlive(ls2.pid)).toBe(false);

    // Half-created indeed: reserved and registered in the stamp, never published.
    const etcd = connectEtcd([info.processes.find((p) => p.role === 'etcd')!.address]);
    try {
      const record = JSON.parse((await etcd.get('/strata/location/accounts/phoenix').string())!) as { state: string; keys: { accessKeyId: string }[] };
      expect(record.state).toBe('CREATING');
      expect(await etcd.get('/strata/stamps/stamp-1/accounts/phoenix').string()).not.toBeNull();

      // Not visible: no DNS name, not listed, not shown (asking the surviving instance).
      expect(digStatus(await dig(info.locationService.dns, ['phoenix.strata.test']))).toBe('NXDOMAIN');
      const listed = await adminCall(info, 'GET', '/v1/accounts', { endpoint: admin('ls-1') });
      expect((listed.body.accounts as AccountView[]).map((account) => account.name)).not.toContain('phoenix');
      expect(await adminCall(info, 'GET', '/v1/accounts/phoenix', { endpoint: admin('ls-1') })).toMatchObject({
        status: 404,
        body: { error: { code: 'NO_SUCH_ACCOUNT' } },
      });

      // A retry (the CLI, which finds ls-1 in stamp.json and waits for it to lead) completes the same account.
      const done = await strataJson<AccountView>(['accounts', 'create', 'phoenix', '--data-dir', t.dataDir]);
      expect(done).toMatchObject({ name: 'phoenix', state: 'ACTIVE', stampId: 'stamp-1' });
      expect(done.accessKeyId).toBe(record.keys[0]!.accessKeyId);
      expect(await leads('ls-1')).toBe(true);
    } finally {
      etcd.close();
    }
    expect((await dig(t.stamp.info.locationService.dns, ['+short', 'phoenix.strata.test'])).trim()).toBe('127.0.0.1');
    const done = await strataJson<AccountView>(['accounts', 'show', 'phoenix', '--data-dir', t.dataDir]);
    const s3 = new S3Client({
      endpoint: t.stamp.info.s3Endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: done.accessKeyId!, secretAccessKey: done.secretAccessKey! },
    });
    try {
      await waitFor(
        'phoenix to authenticate',
        async () =>
          (await s3.send(new PutObjectCommand({ Bucket: 'nowhere', Key: 'k', Body: 'x' })).catch((error: { name: string }) => error.name)) === 'NoSuchBucket',
      );
    } finally {
      s3.destroy();
    }
  });
});
