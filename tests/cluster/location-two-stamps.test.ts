import { waitFor } from '@strata/common/testing';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AccountView, StampView } from '@strata/location-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsQuery, framed, rcodeOf, tcpExchange, udpBarrage } from '../helpers/dns-probe.js';
import { adminCall, dig, digStatus, strata, strataJson } from '../helpers/location.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const FORMERR = 1;

describe('location service with two stamps: allocation, DNS, admin API and CLI', () => {
  let t: TestStamp;
  const clients: S3Client[] = [];
  const cli = (...args: string[]) => [...args, '--data-dir', t.dataDir];
  const endpointOf = (stampId: string): string => t.stamp.info.stamps.find((stamp) => stamp.stampId === stampId)!.s3Endpoint;
  const s3 = (stampId: string, account: Pick<AccountView, 'accessKeyId' | 'secretAccessKey'>): S3Client => {
    const client = new S3Client({
      endpoint: endpointOf(stampId),
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: account.accessKeyId!, secretAccessKey: account.secretAccessKey! },
    });
    clients.push(client);
    return client;
  };
  /** Whether the stamp's front-end accepts the key yet (it learns registrations through an etcd watch). */
  const accepted = async (client: S3Client): Promise<boolean> =>
    client.send(new ListBucketsCommand({})).then(
      () => true,
      (error: { name?: string }) => (error.name === 'InvalidAccessKeyId' ? false : Promise.reject(error)),
    );
  const stamps = async (): Promise<StampView[]> => (await strataJson<{ stamps: StampView[] }>(cli('stamps', 'list'))).stamps;
  const dns = (): string => t.stamp.info.locationService.dns;

  beforeAll(async () => {
    t = await startTestStamp({ stamps: 2, capacityBytes: 256 * MiB, reportIntervalMs: 500 });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await t?.destroy();
  });

  it('writes both stamps and the location service to stamp.json, keeping the single-stamp fields', () => {
    const info = t.stamp.info;
    expect(info.stamps.map((stamp) => stamp.stampId)).toEqual(['stamp-1', 'stamp-2']);
    expect(info.s3Endpoint).toBe(endpointOf('stamp-1'));
    expect(new URL(endpointOf('stamp-2')).hostname).toBe('127.0.0.2');
    expect(info.stamps[1]!.processes.map((p) => p.role).sort()).toEqual([
      'extent-node',
      'extent-node',
      'extent-node',
      'extent-node',
      'front-end',
      'partition-manager',
      'partition-server',
      'stamp-reporter',
      'stream-manager',
    ]);
    expect(info.locationService).toMatchObject({
      domain: 'strata.test',
      admin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      dns: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });
    expect(info.locationService.adminToken.length).toBeGreaterThanOrEqual(16);
  });

  it('spreads accounts by utilisation: least used stamp first, fewest accounts among equals', async () => {
    await waitFor('both stamps to report', async () => (await stamps()).every((stamp) => stamp.reportedAt !== null && stamp.frontEnds.length === 1));
    const first = await strataJson<AccountView>(cli('accounts', 'create', 'spreada'));
    const second = await strataJson<AccountView>(cli('accounts', 'create', 'spreadb'));
    // stamp-1 holds the default account, so the first new one goes to stamp-2, the next back to stamp-1.
    expect([first.stampId, second.stampId]).toEqual(['stamp-2', 'stamp-1']);
    const filler = s3('stamp-2', first);
    await waitFor('stamp-2 to serve spreada', () => accepted(filler));
    await filler.send(new CreateBucketCommand({ Bucket: 'ballast' }));
    await filler.send(new PutObjectCommand({ Bucket: 'ballast', Key: 'eight-mib', Body: Buffer.alloc(8 * MiB, 7) }));
    // 8 MiB on 3 replicas is over 9% of 256 MiB: stamp-2 leaves the emptiest 5% band.
    await waitFor('stamp-2 to report its use', async () => (await stamps()).find((stamp) => stamp.stampId === 'stamp-2')!.utilisation >= 0.05);
    const next = [];
    for (const name of ['spreadc', 'spreadd', 'spreade']) next.push((await strataJson<AccountView>(cli('accounts', 'create', name))).stampId);
    // stamp-1 has more accounts, but less data: it takes them all.
    expect(next).toEqual(['stamp-1', 'stamp-1', 'stamp-1']);
    const listed = await stamps();
    expect(listed.map((stamp) => [stamp.stampId, stamp.accounts])).toEqual([
      ['stamp-1', 5],
      ['stamp-2', 1],
    ]);
    expect(listed[1]!.usedBytes).toBeGreaterThanOrEqual(24 * MiB);
  });

  it("answers dig with the account's stamp front-end, and NXDOMAIN for unknown and deleted accounts", async () => {
    const acme = await strataJson<AccountView>(cli('accounts', 'create', 'acme', '--stamp', 'stamp-2'));
    expect(acme).toMatchObject({ name: 'acme', stampId: 'stamp-2', state: 'ACTIVE', dnsName: 'acme.strata.test' });
    const answer = await dig(dns(), ['acme.strata.test', 'A']);
    expect(digStatus(answer)).toBe('NOERROR');
    expect(answer).toMatch(/flags: qr aa rd;/);
    expect(answer).toMatch(/^acme\.strata\.test\.\s+30\s+IN\s+A\s+127\.0\.0\.2$/m);
    expect((await dig(dns(), ['+short', 'spreadb.strata.test'])).trim()).toBe('127.0.0.1');
    expect((await dig(dns(), ['+tcp', '+short', 'acme.strata.test'])).trim()).toBe('127.0.0.2');
    expect(digStatus(await dig(dns(), ['nobody.strata.test']))).toBe('NXDOMAIN');
    expect(digStatus(await dig(dns(), ['example.com']))).toBe('REFUSED');
    expect(await dig(dns(), ['+short', 'strata.test', 'SOA'])).toMatch(/^ns-ls-1\.strata\.test\. hostmaster\.strata\.test\. \d+ 3600 600 86400 30$/m);
    expect((await dig(dns(), ['+short', 'strata.test', 'NS'])).trim()).toBe('ns-ls-1.strata.test.');
    expect((await strata(cli('accounts', 'delete', 'acme'))).code).toBe(0);
    expect(digStatus(await dig(dns(), ['acme.strata.test']))).toBe('NXDOMAIN');
  });

  it('lets the AWS SDK use an account only through its own stamp; the other stamp refuses it', async () => {
    const west = await strataJson<AccountView>(cli('accounts', 'create', 'west', '--stamp', 'stamp-1'));
    const east = await strataJson<AccountView>(cli('accounts', 'create', 'east', '--stamp', 'stamp-2'));
    for (const [account, home, other] of [
      [west, 'stamp-1', 'stamp-2'],
      [east, 'stamp-2', 'stamp-1'],
    ] as const) {
      const own = s3(home, account);
      await waitFor(`${home} to serve ${account.name}`, () => accepted(own));
      await own.send(new CreateBucketCommand({ Bucket: 'mine' }));
      await own.send(new PutObjectCommand({ Bucket: 'mine', Key: 'k', Body: account.name }));
      expect(await (await own.send(new GetObjectCommand({ Bucket: 'mine', Key: 'k' }))).Body!.transformToString()).toBe(account.name);
      const foreign = s3(other, account);
      for (const command of [
        new GetObjectCommand({ Bucket: 'mine', Key: 'k' }),
        new PutObjectCommand({ Bucket: 'mine', Key: 'k', Body: 'x' }),
        new ListBucketsCommand({}),
      ]) {
        await expect(foreign.send(command as never), `${account.name} through ${other}`).rejects.toMatchObject({
          name: 'InvalidAccessKeyId',
          $metadata: { httpStatusCode: 403 },
        });
      }
    }
  });

  it('refuses to delete an account that holds data, and erases it with --force', async () => {
    const doomed = await strataJson<AccountView>(cli('accounts', 'create', 'doomed'));
    const client = s3(doomed.stampId, doomed);
    await waitFor('the stamp to serve doomed', () => accepted(client));
    await client.send(new CreateBucketCommand({ Bucket: 'files' }));
    for (let i = 0; i < 5; i++) await client.send(new PutObjectCommand({ Bucket: 'files', Key: `f${i}`, Body: `data ${i}` }));
    const refused = await strata(cli('accounts', 'delete', 'doomed'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^strata: account doomed holds containers; .* \[ACCOUNT_NOT_EMPTY\]\n$/);
    // Put back as it was: in DNS, and serving its clients' keys again.
    expect(digStatus(await dig(dns(), ['doomed.strata.test']))).toBe('NOERROR');
    await waitFor('the keys of doomed to work again', () => accepted(client));
    expect(await (await client.send(new GetObjectCommand({ Bucket: 'files', Key: 'f3' }))).Body!.transformToString()).toBe('data 3');
    expect(await strataJson(cli('accounts', 'delete', 'doomed', '--force'))).toEqual({ deleted: 'doomed', containers: 1, blobs: 5 });
    expect(digStatus(await dig(dns(), ['doomed.strata.test']))).toBe('NXDOMAIN');
    await waitFor('the old keys to be refused', async () => !(await accepted(client)));
    // The name is free again, and the new account does not see the old one's data.
    const reborn = await strataJson<AccountView>(cli('accounts', 'create', 'doomed', '--stamp', doomed.stampId));
    const fresh = s3(reborn.stampId, reborn);
    await waitFor('the stamp to serve the new doomed', () => accepted(fresh));
    expect((await fresh.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
  });

  it('rotates keys so that two work at once and the oldest is revoked', async () => {
    const created = await strataJson<AccountView>(cli('accounts', 'create', 'rolling'));
    const [k1] = created.keys!;
    const once = await strataJson<AccountView>(cli('accounts', 'rotate-keys', 'rolling'));
    expect(once.keys!.map((key) => key.accessKeyId)).toEqual([k1!.accessKeyId, once.accessKeyId]);
    const twice = await strataJson<AccountView>(cli('accounts', 'rotate-keys', 'rolling'));
    const [k2, k3] = twice.keys!;
    expect(k2!.accessKeyId).toBe(once.accessKeyId);
    await waitFor('the newest key to work', () => accepted(s3(created.stampId, k3!)));
    expect(await accepted(s3(created.stampId, k2!))).toBe(true);
    await waitFor('the oldest key to be refused', async () => !(await accepted(s3(created.stampId, k1!))));
    expect((await strataJson<AccountView>(cli('accounts', 'show', 'rolling'))).keys).toEqual(twice.keys);
  });

  it('lists accounts and stamps, as tables and as JSON', async () => {
    const { accounts } = await strataJson<{ accounts: AccountView[] }>(cli('accounts', 'list'));
    expect(accounts.map((account) => account.name)).toEqual(expect.arrayContaining(['strata', 'spreada', 'west', 'east', 'rolling']));
    expect(accounts.every((account) => account.keys === undefined)).toBe(true);
    const table = await strata(cli('accounts', 'list'));
    expect(table.stdout).toMatch(/^NAME\s+STAMP\s+STATE\s+DNS NAME\s+CREATED\n/);
    expect(table.stdout).toMatch(/^east\s+stamp-2\s+ACTIVE\s+east\.strata\.test\s/m);
    expect((await strata(cli('stamps', 'list'))).stdout).toMatch(/^stamp-2\s+127\.0\.0\.2:\d+\s/m);
  });

  it('refuses bad input: invalid and duplicate names, a missing or wrong admin token, malformed requests', async () => {
    for (const name of ['ab', 'UpperCase', 'with-dash', 'x'.repeat(25), 'dot.ted']) {
      const result = await strata(cli('accounts', 'create', name));
      expect([result.code, result.stderr.trim()], name).toEqual([
        1,
        `strata: account names are 3 to 24 lower-case letters and digits, not ${JSON.stringify(name)} [INVALID_ACCOUNT_NAME]`,
      ]);
    }
    const duplicate = await strata(cli('accounts', 'create', 'west'));
    expect([duplicate.code, duplicate.stderr]).toEqual([1, 'strata: account west exists [ACCOUNT_EXISTS]\n']);
    const info = t.stamp.info;
    const create = JSON.stringify({ name: 'sneaky' });
    expect(await adminCall(info, 'POST', '/v1/accounts', { body: create, token: null })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect(await adminCall(info, 'POST', '/v1/accounts', { body: create, token: 'not-the-admin-token' })).toMatchObject({
      status: 403,
      body: { error: { code: 'PERMISSION_DENIED' } },
    });
    expect(await adminCall(info, 'GET', '/v1/accounts', { token: null })).toMatchObject({ status: 401 });
    const wrongToken = await strata(['accounts', 'list', '--admin', info.locationService.admin, '--admin-token', 'not-the-admin-token']);
    expect([wrongToken.code, wrongToken.stderr]).toEqual([1, 'strata: wrong admin token [PERMISSION_DENIED]\n']);
    expect(await adminCall(info, 'POST', '/v1/accounts', { body: '{"name": ' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT' } } });
    expect(await adminCall(info, 'POST', '/v1/accounts', { body: JSON.stringify({ name: 'okname', colour: 'blue' }) })).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_ARGUMENT' } },
    });
    expect(await adminCall(info, 'POST', '/v1/accounts', { body: JSON.stringify({ name: 'okname', stampId: 'stamp-9' }) })).toMatchObject({
      status: 404,
      body: { error: { code: 'NO_SUCH_STAMP' } },
    });
    expect(await adminCall(info, 'DELETE', '/v1/accounts/nobody')).toMatchObject({ status: 404, body: { error: { code: 'NO_SUCH_ACCOUNT' } } });
    const usage = await strata(['accounts', 'create']);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringMatching(/^strata: usage: strata accounts /)]);
    // None of it created anything.
    const names = (await strataJson<{ accounts: AccountView[] }>(cli('accounts', 'list'))).accounts.map((account) => account.name);
    expect(names.filter((name) => ['sneaky', 'okname', 'ab'].includes(name))).toEqual([]);
  });

  it('answers malformed DNS messages with FORMERR or drops them, and keeps serving (UDP and TCP)', async () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >> 8;
    const valid = dnsQuery('west.strata.test', 0x0bad);
    const truncated = Array.from({ length: valid.length }, (_, length) => valid.subarray(0, length));
    const garbage = Array.from({ length: 240 }, () => {
      const message = Buffer.from(Array.from({ length: random() % 300 }, () => random() & 0xff));
      // A query (QR 0) with opcode QUERY: whatever follows the header is noise.
      if (message.length > 2) message[2]! &= 0x07;
      return message;
    });
    const messages = [...truncated, ...garbage];
    const probe = dnsQuery('west.strata.test', 0xbeef);
    const { replies, probes } = await udpBarrage(dns(), messages, probe);
    expect(messages.length).toBeGreaterThanOrEqual(250);
    expect(probes.every((reply) => rcodeOf(reply) === 0)).toBe(true);
    expect(replies.map(rcodeOf).filter((rcode) => rcode !== FORMERR)).toEqual([]);
    const answerable = messages.filter((message) => message.length >= 12).length;
    expect(replies.length).toBe(answerable);
    // TCP: malformed messages get FORMERR and the connection keeps serving; a broken frame ends it.
    const tcp = await tcpExchange(dns(), Buffer.concat([framed(garbage.find((m) => m.length >= 12)!), framed(valid.subarray(0, 20)), framed(valid)]));
    expect(tcp.replies.map(rcodeOf)).toEqual([FORMERR, FORMERR, 0]);
    expect((await tcpExchange(dns(), Buffer.from([0, 3, 1, 2, 3]))).closedByServer).toBe(true);
    expect((await tcpExchange(dns(), Buffer.from([0xff, 0xff, 1, 2, 3]))).closedByServer).toBe(true);
    expect((await dig(dns(), ['+short', 'west.strata.test'])).trim()).toBe('127.0.0.1');
    expect((await dig(dns(), ['+tcp', '+short', 'west.strata.test'])).trim()).toBe('127.0.0.1');
    expect(t.stamp.processes().filter((p) => p.role === 'location-service')).toHaveLength(1);
  });
});
