import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { S3Presigner } from './s3-presigner.js';
import { startServerProcess } from './server-process.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import type { RunningTarget, TargetFactory } from './target.js';

const BUCKET = 'bench';
/** s3rver's fixed credentials: it verifies signatures against these. */
const S3RVER_KEY = 'S3RVER';

/**
 * s3rver (npm) in its own Node process, so it does not share the load generator's event loop,
 * storing in a temp dir at its defaults (one copy, no fsync).
 */
export const s3rverTarget: TargetFactory = {
  name: 's3rver',
  async start(): Promise<RunningTarget> {
    const dir = await makeTempDir('s3rver');
    const version = (JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('s3rver/package.json')), 'utf8')) as { version: string }).version;
    let server;
    try {
      server = await startServerProcess({
        name: 's3rver',
        command: process.execPath,
        // s3rver encrypts continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
        args: ['--openssl-legacy-provider', fileURLToPath(new URL('./s3rver-main.js', import.meta.url)), dir, BUCKET],
        readyLine: /s3rver listening on (\d+)/,
      });
    } catch (error) {
      await removeTempDir(dir);
      throw error;
    }
    const origin = `http://127.0.0.1:${server.readyMatch![1]}`;
    const presigner = new S3Presigner({ origin, region: 'us-east-1', bucket: BUCKET, accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY });
    return {
      name: 's3rver',
      description: `s3rver ${version}, on the filesystem`,
      durability: 'one copy, no fsync',
      origin,
      putRequests: (keys) => presigner.requests('PUT', keys),
      getRequests: (keys) => presigner.requests('GET', keys),
      listPage: (options) => presigner.listPage(options),
      processes: () => [{ label: 's3rver', pid: server.pid }],
      stop: async () => {
        await server.stop();
        await removeTempDir(dir);
      },
    };
  },
};
