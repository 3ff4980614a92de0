import { describe, expect, it } from 'vitest';
import type { ChildSpec } from './child-process.js';
import { sameAddressArgs } from './same-address.js';

const spec = (role: string): ChildSpec => ({ role, id: 'x-1', script: 'x.js', args: ['--node-id', 'x-1'], logFile: 'x.log', readyTimeoutMs: 1 });

describe('sameAddressArgs', () => {
  it('brings every role that listens where the OS picked back to its last address', () => {
    for (const role of ['front-end', 'extent-node', 'stream-manager', 'partition-manager', 'partition-server']) {
      expect(sameAddressArgs(spec(role), '127.0.0.1:41234', { afterFailure: false }), role).toEqual(['--listen', '127.0.0.1:41234']);
    }
  });

  it('lets a role found through etcd take any port after a failed start, but never a front-end', () => {
    expect(sameAddressArgs(spec('partition-server'), '127.0.0.1:41234', { afterFailure: true })).toEqual([]);
    expect(sameAddressArgs(spec('front-end'), '127.0.0.1:9480', { afterFailure: true })).toEqual(['--listen', '127.0.0.1:9480']);
  });

  it('adds nothing for roles whose ports are fixed in their arguments, or with no address', () => {
    expect(sameAddressArgs(spec('etcd'), '127.0.0.1:2379', { afterFailure: false })).toEqual([]);
    expect(sameAddressArgs(spec('location-service'), '127.0.0.1:7000', { afterFailure: false })).toEqual([]);
    expect(sameAddressArgs(spec('stamp-reporter'), undefined, { afterFailure: false })).toEqual([]);
  });
});
