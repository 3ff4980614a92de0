import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = (specifier: string): string => fileURLToPath(import.meta.resolve(specifier));

describe('a role process with a bad config', () => {
  it.each([
    ['@strata/stream-layer/main/extent-node', ['--node-id', 'EN 1', '--data-dir', '/tmp/x'], '--node-id'],
    ['@strata/stream-layer/main/stream-manager', ['--replica-count', '0'], '--replica-count'],
    ['@strata/partition-layer/main/partition-server', ['--node-id', 'ps-1'], '--data-dir'],
    ['@strata/frontend/main/frontend', ['--listen', 'localhost'], '--listen'],
    ['@strata/location-service/main/location-service', ['--default-account', 'No_Caps'], '--default-account'],
    ['@strata/stream-layer/main/extent-node', ['--node-id', 'en-1', '--data-dir', '/tmp/x', '--colour', 'blue'], '--colour'],
    ['@strata/partition-layer/main/partition-manager', ['--probe-listen', '8081'], '--probe-listen'],
    ['@strata/partition-layer/main/partition-manager', ['--gc-live-ratio-min', '1.5'], '--gc-live-ratio-min'],
    ['@strata/partition-layer/main/partition-server', ['--node-id', 'ps-1', '--data-dir', '/tmp/x', '--gc-mib-per-second', '0'], '--gc-mib-per-second'],
    ['@strata/stream-layer/main/stream-manager', ['--garbage-grace-ms', '-1'], '--garbage-grace-ms'],
  ])('%s exits 2 with one line naming the field', (specifier, args, field) => {
    const result = spawnSync(process.execPath, [main(specifier), ...args], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^strata [a-z-]+: bad config: /);
    expect(lines[0]).toContain(field);
  });
});
