import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Payload } from './payload.js';
import { runPhase } from './run-phase.js';
import { hotKeyOps, mixedOps, runKeyedPhase } from './run-keyed-phase.js';
import { VersionLedger } from './version-ledger.js';

/** A blob server in this process; in `stale` mode it keeps serving the first version it stored. */
function blobServer(): { server: Server; mode: { stale: boolean } } {
  const objects = new Map<string, Buffer>();
  const mode = { stale: false };
  const server = createServer((request, response) => {
    const key = request.url!.split('?')[0]!;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'PUT') {
        if (!(mode.stale && objects.has(key))) objects.set(key, Buffer.concat(chunks));
        return void response.writeHead(200).end();
      }
      const stored = objects.get(key);
      if (!stored) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-length': String(stored.length) }).end(stored);
    });
  });
  return { server, mode };
}

describe('runKeyedPhase', () => {
  const { server, mode } = blobServer();
  let origin = '';
  const payload = new Payload(4096);
  const requests = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ path: `/${prefix}/${i}`, headers: {} }));
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const spec = async (prefix: string, objects: number) => {
    await runPhase({ op: 'PUT', origin, requests: requests(prefix, objects), payload, concurrency: 8, deadlineMs: 30_000 });
    return { origin, getRequests: requests(prefix, objects), putRequests: requests(prefix, objects), payload, concurrency: 8, deadlineMs: 30_000 };
  };

  it('reads hot keys by Zipf’s law and checks every answer’s bytes', async () => {
    const ops = hotKeyOps({ objects: 50, requests: 400, exponent: 1.1, seed: 15 });
    const result = await runKeyedPhase({ ...(await spec('hot', 50)), kind: 'GET', ops, ledger: new VersionLedger() });
    expect(result).toMatchObject({ op: 'GET', completed: 400, errorCount: 0, verifiedObjects: 400 });
    expect(result.keyed).toMatchObject({ objects: 50, gets: 400, puts: 0, newerVersionReads: 0 });
    expect(result.keyed!.top10Share).toBeGreaterThan(0.5);
  });

  it('mixes overwrites with reads and accepts the versions a register may return', async () => {
    const ledger = new VersionLedger();
    const ops = mixedOps({ objects: 20, requests: 400, putShare: 0.3, seed: 16 }, ledger);
    const result = await runKeyedPhase({ ...(await spec('mixed', 20)), kind: 'GET/PUT', ops, ledger });
    expect(result).toMatchObject({ op: 'GET/PUT', completed: 400, errorCount: 0 });
    expect(result.keyed!.puts).toBeGreaterThan(80);
    expect(result.keyed!.newerVersionReads).toBeGreaterThan(0);
  });

  it('counts a read of an overwritten version as an error once the overwrite was acknowledged', async () => {
    const base = await spec('stale', 4);
    mode.stale = true;
    try {
      const ledger = new VersionLedger();
      const ops = [{ op: 'PUT' as const, object: 1, version: ledger.planVersion(1) }, ...Array.from({ length: 20 }, () => ({ op: 'GET' as const, object: 1 }))];
      const result = await runKeyedPhase({ ...base, concurrency: 1, kind: 'GET/PUT', ops, ledger });
      expect(result.errorCount).toBe(20);
      expect(result.errors[0]).toMatch(/GET #1 \(object 1\): stale: returned version 0/);
    } finally {
      mode.stale = false;
    }
  });
});
