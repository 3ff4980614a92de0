import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContainerClient, ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import { startServerProcess } from './server-process.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import type { ObjectRequest, RunningTarget, TargetFactory } from './target.js';

/** Azurite's well-known development account (documented, not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFqTqFq5uEXrQ5oRbGuQ==';
const CONTAINER = 'bench';
/** The SAS stays valid this long: longer than any full bench run. */
const SAS_VALID_MS = 3 * 3600 * 1000;

/**
 * Azurite's blob service (npm azurite 3.35.0, the last release on Node 20) in its own
 * process: on disk in a temp dir, telemetry off, access log off, loopback only. Requests
 * carry a container SAS made before any timing, so nothing is signed per request.
 */
export const azuriteTarget: TargetFactory = {
  name: 'azurite',
  async start(): Promise<RunningTarget> {
    const dir = await makeTempDir('azurite');
    const packageJson = fileURLToPath(import.meta.resolve('azurite/package.json'));
    const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
    let server;
    try {
      server = await startServerProcess({
        name: 'azurite',
        command: process.execPath,
        args: [
          fileURLToPath(new URL('./dist/src/blob/main.js', `file://${packageJson}`)),
          '--blobHost', '127.0.0.1', '--blobPort', '0', '--location', dir, '--disableTelemetry', '--silent', '--skipApiVersionCheck',
        ],
        readyLine: /successfully listens on (http:\/\/[\d.]+:\d+)/,
      });
    } catch (error) {
      await removeTempDir(dir);
      throw error;
    }
    const origin = server.readyMatch![1]!;
    const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
    await new ContainerClient(`${origin}/${ACCOUNT}/${CONTAINER}`, credential).createIfNotExists();
    const sas = generateBlobSASQueryParameters(
      { containerName: CONTAINER, permissions: ContainerSASPermissions.parse('racwd'), expiresOn: new Date(new Date().getTime() + SAS_VALID_MS) },
      credential,
    ).toString();
    const requests = (keys: string[], headers: Record<string, string>): ObjectRequest[] =>
      keys.map((key) => ({ path: `/${ACCOUNT}/${CONTAINER}/${key.split('/').map(encodeURIComponent).join('/')}?${sas}`, headers }));
    return {
      name: 'azurite',
      description: `Azurite ${version} blob service: one copy on disk (extent files + LokiJS metadata)`,
      origin,
      putRequests: async (keys) => requests(keys, { 'x-ms-blob-type': 'BlockBlob' }),
      getRequests: async (keys) => requests(keys, {}),
      processes: () => [{ label: 'azurite', pid: server.pid }],
      stop: async () => {
        await server.stop();
        await removeTempDir(dir);
      },
    };
  },
};
