import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Payload } from './payload.js';
import { runPhase } from './run-phase.js';

/** A tiny blob server in this process: PUT stores the body, GET returns it, with faults on demand. */
function blobServer(): { server: Server; objects: Map<string, Buffer>; faults: Map<string, 'corrupt' | 'short' | 'status'> } {
  const objects = new Map<string, Buffer>();
  const faults = new Map<string, 'corrupt' | 'short' | 'status'>();
  const server = createServer((request, response) => {
    const key = request.url!.split('?')[0]!;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'PUT') {
        objects.set(key, Buffer.concat(chunks));
        response.writeHead(request.headers['x-want'] === 'created' ? 201 : 200).end();
        return;
      }
      const stored = objects.get(key);
      const fault = faults.get(key);
      if (!stored || fault === 'status') return void response.writeHead(404).end('no such object');
      const body = Buffer.from(stored);
      if (fault === 'corrupt') body[body.length - 1]! ^= 0xff;
      response.writeHead(200, { 'content-length': String(fault === 'short' ? body.length - 1 : body.length) });
      response.end(fault === 'short' ? body.subarray(1) : body);
    });
  });
  return { server, objects, faults };
}

describe('runPhase', () => {
  const { server, objects, faults } = blobServer();
  let origin = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const requests = (prefix: string, count: number, headers: Record<string, string> = {}) =>
    Array.from({ length: count }, (_, i) => ({ path: `/${prefix}/${i}?sig=presigned`, headers }));

  it('PUTs then GETs every object, checks each length and hashes a sample against what was sent', async () => {
    const payload = new Payload(4096);
    const put = await runPhase({ op: 'PUT', origin, requests: requests('ok', 100, { 'x-want': 'created' }), payload, concurrency: 8, deadlineMs: 30_000 });
    expect(put).toMatchObject({ planned: 100, completed: 100, errorCount: 0, cutByDeadline: false, sizeBytes: 4096 });
    expect(objects.get('/ok/7')).toEqual(Buffer.concat([payload.head(7), (payload.body(8) as Buffer).subarray(16)]));
    const get = await runPhase({ op: 'GET', origin, requests: requests('ok', 100), payload, concurrency: 8, deadlineMs: 30_000 });
    expect(get).toMatchObject({ completed: 100, errorCount: 0 });
    expect(get.verifiedObjects).toBeGreaterThanOrEqual(4);
    expect(get.ttfbMs!.p50).toBeGreaterThan(0);
    expect(get.latencyMs.p99).toBeGreaterThanOrEqual(get.latencyMs.p50);
    expect(get.mibPerSec).toBeCloseTo((get.opsPerSec * 4096) / 2 ** 20, 6);
  });

  it('sends large objects as slices of one buffer and still checks their bytes', async () => {
    const payload = new Payload(256 * 1024);
    await runPhase({ op: 'PUT', origin, requests: requests('big', 4), payload, concurrency: 2, deadlineMs: 30_000 });
    const get = await runPhase({ op: 'GET', origin, requests: requests('big', 4), payload, concurrency: 2, deadlineMs: 30_000 });
    expect(get).toMatchObject({ completed: 4, errorCount: 0, verifiedObjects: 4 });
  });

  it('counts a wrong status, a short body and changed bytes as errors, not as completed requests', async () => {
    const payload = new Payload(4096);
    await runPhase({ op: 'PUT', origin, requests: requests('bad', 4), payload, concurrency: 4, deadlineMs: 30_000 });
    faults.set('/bad/0', 'corrupt');
    faults.set('/bad/1', 'short');
    faults.set('/bad/2', 'status');
    const get = await runPhase({ op: 'GET', origin, requests: requests('bad', 4), payload, concurrency: 4, deadlineMs: 30_000 });
    expect(get.completed).toBe(1);
    expect(get.errorCount).toBe(3);
    expect(get.errors.join('\n')).toMatch(/#0: contents differ/);
    expect(get.errors.join('\n')).toMatch(/#1: length: declared 4095/);
    expect(get.errors.join('\n')).toMatch(/#2: status 404: no such object/);
  });

  it('stops sending at the deadline and says so', async () => {
    const payload = new Payload(0);
    const put = await runPhase({ op: 'PUT', origin, requests: requests('deadline', 50), payload, concurrency: 1, deadlineMs: 0 });
    expect(put).toMatchObject({ completed: 0, cutByDeadline: true, errorCount: 0 });
  });
});
