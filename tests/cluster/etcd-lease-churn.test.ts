import { waitFor } from '@strata/common/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { campaign, connectEtcd, systemClock, registerWithLease, type Etcd3, type Leadership, type Registration } from '@strata/common';
import { freePort } from '@strata/deploy';
import { LoneEtcd } from '../helpers/lone-etcd.js';
import { pause } from '../helpers/pause.js';

/** How long etcd stays down: past the 2 s leases, long enough for a few failed grants and campaigns. */
const ETCD_DOWN_MS = 6_000;

/** A deadline for a call to etcd: an etcd flooded by the old churn answered nothing, and the test must fail rather than hang. */
const callDeadline = (): { deadline: Date } => ({ deadline: new Date(systemClock.nowMs() + 5_000) });

/** Log lines a role's registration or campaign wrote, by message. */
function recordingLogger(): { log: pino.Logger; count: (msg: string) => number } {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { log, count: (msg) => lines.filter((line) => line.includes(`"msg":"${msg}"`)).length };
}

/**
 * A role whose etcd goes away must come back with one lease, not one per failed attempt. The
 * chaos run's etcd restarts showed the opposite: every failed grant's lease reported itself
 * lost and started another retry loop (and a failed campaign restarted once per error event,
 * leaving the other campaigns running), so retry loops, leases and keepalive streams multiplied
 * until etcd answered "too many requests" and the roles grew to gigabytes.
 */
describe('etcd leases and campaigns across an etcd outage', () => {
  let dir: string | undefined;
  let etcd: LoneEtcd | undefined;
  const clients: Etcd3[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close().catch(() => undefined);
    for (const client of clients.splice(0)) client.close();
    await etcd?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds one lease per registration and per campaign after etcd is killed and started again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-test-lease-churn-'));
    etcd = new LoneEtcd(dir, { client: await freePort(), peer: await freePort() });
    await etcd.start();
    const client = connectEtcd([etcd.endpoint]);
    clients.push(client);
    const registrationLog = recordingLogger();
    const campaignLog = recordingLogger();
    const registration: Registration = await registerWithLease({ client, key: '/t/nodes/n1', value: 'a', ttlSeconds: 2, log: registrationLog.log });
    closers.push(() => registration.close());
    const leadership: Leadership = campaign({ client, name: '/t/leader', value: 'me', ttlSeconds: 2, log: campaignLog.log });
    closers.push(() => leadership.resign());
    await waitFor('elected', () => leadership.isLeader());

    await etcd.kill();
    await waitFor('lease and leadership lost while etcd is down', () => !registration.isHeld() && campaignLog.count('leadership lost') > 0);
    await pause(ETCD_DOWN_MS);
    await etcd.start();

    await waitFor('registered and elected again', () => registration.isHeld() && leadership.isLeader(), { timeoutMs: 60_000 });
    // Let every retry loop still running (the bug kept many) finish its grant.
    const observer = connectEtcd([etcd.endpoint]);
    clients.push(observer);
    await waitFor(
      'only the registration and the campaign hold leases',
      async () => (await observer.leaseClient.leaseLeases(callDeadline())).leases.length <= 2,
      { timeoutMs: 20_000 },
    ).catch(() => undefined);
    const { leases } = await observer.leaseClient.leaseLeases(callDeadline());
    expect(
      leases.length,
      `leases held: ${leases.length}; grants failed ${registrationLog.count('etcd lease grant failed')}, campaigns failed ${campaignLog.count('campaign failed')}`,
    ).toBe(2);
    expect(registrationLog.count('etcd lease granted again')).toBe(1);
    expect(await observer.get('/t/nodes/n1').string()).toBe('a');
    // Failed attempts back off: a handful over the outage, not hundreds.
    expect(registrationLog.count('etcd lease grant failed')).toBeLessThan(20);
    expect(campaignLog.count('campaign failed')).toBeLessThan(20);
  });
});
