import { describe, expect, it } from 'vitest';
import { cephConfig } from './ceph-config.js';
import { swiftProxyConf, swiftServerConf } from './swift-config.js';

/** Every IPv4 address a config names. */
const addresses = (text: string): string[] => text.match(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g) ?? [];

describe('cephConfig', () => {
  const text = cephConfig({ dir: '/tmp/c', fsid: 'f', monPort: 1234, rgwPort: 5678 });

  it('keeps three replicas of every pool, placed on OSDs of the one host', () => {
    expect(text).toMatch(/^osd pool default size = 3$/m);
    expect(text).toMatch(/^osd pool default min size = 2$/m);
    expect(text).toMatch(/^osd crush chooseleaf type = 0$/m);
    expect(text).toMatch(/^osd objectstore = bluestore$/m);
  });

  it('puts the block files beside the OSD directories (BlueStore links osd.N/block to them) and binds loopback only', () => {
    expect(text).toMatch(/^bluestore block path = \/tmp\/c\/osd\.\$id\.block$/m);
    expect(text).toMatch(/^osd data = \/tmp\/c\/osd\.\$id$/m);
    expect(text).toMatch(/^rgw frontends = beast endpoint=127\.0\.0\.1:5678$/m);
    expect(new Set(addresses(text).filter((a) => a !== '127.0.0.0'))).toEqual(new Set(['127.0.0.1']));
  });
});

describe('swift configs', () => {
  const log = { port: 999 };
  const server = swiftServerConf({ kind: 'object', dir: '/tmp/s', node: 2, port: 6200, user: 'root', log });
  const proxy = swiftProxyConf({ dir: '/tmp/s', port: 8080, memcachedPort: 11211, user: 'root', secret: 'x', log });

  it('serves one device per node from the temp dir, on loopback, as the bench user', () => {
    expect(server).toMatch(/^devices = \/tmp\/s\/node2$/m);
    expect(server).toMatch(/^mount_check = false$/m);
    expect(server).toMatch(/^user = root$/m);
    expect(server).toMatch(/^use = egg:swift#object$/m);
    expect(new Set([...addresses(server), ...addresses(proxy)])).toEqual(new Set(['127.0.0.1']));
  });

  it('puts s3api before tempauth in the proxy pipeline, with the bench user', () => {
    const pipeline = /^pipeline = (.*)$/m.exec(proxy)![1]!.split(' ');
    expect(pipeline.indexOf('s3api')).toBeLessThan(pipeline.indexOf('tempauth'));
    expect(pipeline.at(-1)).toBe('proxy-server');
    expect(proxy).toMatch(/^user_bench_bench = x \.admin$/m);
    expect(proxy).toMatch(/^memcache_servers = 127\.0\.0\.1:11211$/m);
  });
});
