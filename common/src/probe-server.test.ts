import { afterEach, describe, expect, it } from 'vitest';
import { READINESS_CHECK_TIMEOUT_MS, startProbeServer, type StartedProbeServer } from './probe-server.js';

describe('startProbeServer', () => {
  let probes: StartedProbeServer | undefined;
  afterEach(async () => {
    await probes?.close();
    probes = undefined;
  });
  const get = async (path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`http://${probes!.address}${path}`, init);
    return {
      status: response.status,
      body: response.headers.get('content-type')?.includes('json') && init?.method !== 'HEAD' ? await response.json() : undefined,
    };
  };

  it('answers liveness without asking readiness, so a slow dependency cannot fail it', async () => {
    let asked = 0;
    probes = await startProbeServer({
      address: '127.0.0.1:0',
      readiness: () => {
        asked++;
        return 'etcd unreachable';
      },
    });
    expect(await get('/livez')).toEqual({ status: 200, body: { live: true } });
    expect(asked).toBe(0);
  });

  it('answers readiness 200 when nothing is missing and 503 with the problem otherwise', async () => {
    let problem: string | undefined = 'partitions loading: p-1';
    probes = await startProbeServer({ address: '127.0.0.1:0', readiness: async () => problem });
    expect(await get('/readyz')).toEqual({ status: 503, body: { ready: false, problem: 'partitions loading: p-1' } });
    problem = undefined;
    expect(await get('/readyz')).toEqual({ status: 200, body: { ready: true } });
  });

  it('reports a readiness check that throws as not ready, with its message', async () => {
    probes = await startProbeServer({
      address: '127.0.0.1:0',
      readiness: () => {
        throw new Error('boom');
      },
    });
    expect(await get('/readyz')).toEqual({ status: 503, body: { ready: false, problem: 'readiness check failed: boom' } });
  });

  it('reports a readiness check that hangs as not ready once its timeout passes', async () => {
    probes = await startProbeServer({ address: '127.0.0.1:0', readiness: () => new Promise<undefined>(() => undefined) });
    const answer = await get('/readyz');
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ ready: false, problem: `readiness check took longer than ${READINESS_CHECK_TIMEOUT_MS} ms` });
  });

  it('answers 404 for another path and 405 for another method', async () => {
    probes = await startProbeServer({ address: '127.0.0.1:0', readiness: () => undefined });
    expect((await get('/healthz')).status).toBe(404);
    expect((await get('/readyz', { method: 'POST' })).status).toBe(405);
    expect((await get('/livez', { method: 'HEAD' })).status).toBe(200);
  });

  it('fails to start on a port already taken, rather than running without probes', async () => {
    probes = await startProbeServer({ address: '127.0.0.1:0', readiness: () => undefined });
    await expect(startProbeServer({ address: probes.address, readiness: () => undefined })).rejects.toThrow(/EADDRINUSE/);
  });
});
