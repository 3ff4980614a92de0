import { describe, expect, it } from 'vitest';
import { parseRoleCommand, PROBE_PORT_DEFAULT } from './role-command.js';

describe('parseRoleCommand', () => {
  it('runs the role named first with the flags after it', () => {
    expect(parseRoleCommand(['extent-node', '--node-id', 'en-1'], {})).toEqual({
      kind: 'role',
      role: 'extent-node',
      module: '@strata/stream-layer/main/extent-node',
      args: ['--node-id', 'en-1'],
    });
  });

  it('takes the role from STRATA_ROLE when the arguments are only flags or nothing', () => {
    expect(parseRoleCommand(['--listen', '0.0.0.0:9480'], { STRATA_ROLE: 'front-end' })).toMatchObject({
      kind: 'role',
      role: 'front-end',
      args: ['--listen', '0.0.0.0:9480'],
    });
    expect(parseRoleCommand([], { STRATA_ROLE: 'stream-manager' })).toMatchObject({ kind: 'role', role: 'stream-manager', args: [] });
  });

  it('prints the usage for nothing or --help', () => {
    expect(parseRoleCommand([], {})).toMatchObject({ kind: 'help' });
    expect(parseRoleCommand(['--help'], { STRATA_ROLE: 'front-end' })).toMatchObject({ kind: 'help' });
  });

  it('rejects an unknown role, naming it and the known ones', () => {
    const command = parseRoleCommand(['extent-nodes'], {});
    expect(command).toMatchObject({ kind: 'error' });
    expect(command.kind === 'error' && command.message).toMatch(/unknown role "extent-nodes"; expected one of extent-node, .*front-end/);
    expect(parseRoleCommand(['--node-id', 'x'], {})).toMatchObject({ kind: 'error', message: expect.stringMatching(/^no role/) });
    expect(parseRoleCommand(['toString'], {})).toMatchObject({ kind: 'error' });
  });

  it('asks the probe port from the argument, else STRATA_PROBE_LISTEN, else the default', () => {
    expect(parseRoleCommand(['probe', 'readyz', '9000'], { STRATA_PROBE_LISTEN: '0.0.0.0:8082' })).toEqual({
      kind: 'probe',
      url: 'http://127.0.0.1:9000/readyz',
    });
    expect(parseRoleCommand(['probe', 'livez'], { STRATA_PROBE_LISTEN: '0.0.0.0:8082' })).toEqual({ kind: 'probe', url: 'http://127.0.0.1:8082/livez' });
    expect(parseRoleCommand(['probe', 'livez'], {})).toEqual({ kind: 'probe', url: `http://127.0.0.1:${PROBE_PORT_DEFAULT}/livez` });
  });

  it('rejects a bad probe name, port or extra argument', () => {
    expect(parseRoleCommand(['probe', 'healthz'], {})).toMatchObject({ kind: 'error', message: 'probe: expected livez or readyz, got healthz' });
    expect(parseRoleCommand(['probe', 'livez', '70000'], {})).toMatchObject({ kind: 'error', message: 'probe: expected a port from 1 to 65535, got "70000"' });
    expect(parseRoleCommand(['probe', 'livez', '8081', 'x'], {})).toMatchObject({ kind: 'error', message: 'probe: unexpected argument "x"' });
  });

  it("asks an account's keys from the location service given, else STRATA_LOCATION, else the default", () => {
    expect(parseRoleCommand(['account', 'strata', 'ls:7000'], {})).toEqual({ kind: 'account', name: 'strata', location: 'ls:7000' });
    expect(parseRoleCommand(['account', 'strata'], { STRATA_LOCATION: 'location-service:7000' })).toEqual({
      kind: 'account',
      name: 'strata',
      location: 'location-service:7000',
    });
    expect(parseRoleCommand(['account', 'strata'], {})).toEqual({ kind: 'account', name: 'strata', location: '127.0.0.1:7000' });
    expect(parseRoleCommand(['account'], {})).toMatchObject({ kind: 'error', message: 'account: expected <name> [host:port]' });
    expect(parseRoleCommand(['account', 'strata', 'nowhere'], {})).toMatchObject({
      kind: 'error',
      message: 'account: expected host:port of the location service, got "nowhere"',
    });
  });
});
