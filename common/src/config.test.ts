import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, configFields, parseConfig, z } from './config.js';

const schema = z.object({
  nodeId: configFields.id(),
  listen: configFields.address().default('127.0.0.1:0'),
  etcd: configFields.addresses().default(['127.0.0.1:2379']),
  replicaCount: z.coerce.number().int().min(1).default(3),
  verbose: z.boolean().default(false),
});

describe('parseConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes flags over the environment over the file over defaults', () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ nodeId: 'from-file', replicaCount: 5, listen: '10.0.0.1:1' }));
    const config = parseConfig(schema, {
      argv: ['--config', file, '--node-id', 'from-flag', '--verbose'],
      env: { STRATA_NODE_ID: 'from-env', STRATA_LISTEN: '10.0.0.2:2' },
    });
    expect(config).toEqual({ nodeId: 'from-flag', listen: '10.0.0.2:2', etcd: ['127.0.0.1:2379'], replicaCount: 5, verbose: true });
  });

  it('names the field of a bad value, with its flag and variable', () => {
    expect(() => parseConfig(schema, { argv: ['--node-id', 'Bad Id'], env: {} })).toThrow(ConfigError);
    expect(() => parseConfig(schema, { argv: ['--node-id', 'Bad Id'], env: {} })).toThrow(/^--node-id \(STRATA_NODE_ID\): expected lower-case/);
    expect(() => parseConfig(schema, { argv: ['--node-id', 'a', '--etcd', 'nope'], env: {} })).toThrow(/^--etcd \(STRATA_ETCD\): expected host:port/);
    expect(() => parseConfig(schema, { argv: [], env: { STRATA_NODE_ID: 'a', STRATA_REPLICA_COUNT: 'zero' } })).toThrow(/^--replica-count/);
    expect(() => parseConfig(schema, { argv: [], env: {} })).toThrow(/^--node-id .*got nothing/);
  });

  it('refuses unknown flags and unknown keys in the file', () => {
    expect(() => parseConfig(schema, { argv: ['--node-id', 'a', '--nodes', '3'], env: {} })).toThrow(/Unknown option '--nodes'/);
    const file = join(dir, 'unknown.json');
    writeFileSync(file, JSON.stringify({ nodeId: 'a', replicas: 3 }));
    expect(() => parseConfig(schema, { argv: ['--config', file], env: {} })).toThrow(/unknown key "replicas"/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => parseConfig(schema, { argv: ['--config', broken], env: {} })).toThrow(/^--config .*broken\.json/);
  });
});
