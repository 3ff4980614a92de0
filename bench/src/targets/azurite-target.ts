import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  ContainerSASPermissions,
  generateAccountSASQueryParameters,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { request } from 'undici';
import { startServerProcess } from './server-process.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import type { ObjectRequest, RunningTarget, TargetFactory } from './target.js';

/** Azurite's well-known development account (documented, not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONTAINER = 'bench';
/**
 * The SAS version: Azurite 3.35's own API version. The SDK signs with its newest version by
 * default, whose string-to-sign Azurite does not know, and refuses such a SAS.
 */
const SAS_VERSION = '2025-11-05';
/** The SAS stays valid this long: longer than any full bench run. */
const SAS_VALID_MS = 3 * 3600 * 1000;

const expiry = (): Date => new Date(new Date().getTime() + SAS_VALID_MS);

/**
 * Creates the bench container with an account SAS (a container SAS cannot create its
 * container); a plain REST call, since the SDK's newest API version is not one Azurite knows.
 */
async function createContainer(origin: string, credential: StorageSharedKeyCredential): Promise<void> {
  const sas = generateAccountSASQueryParameters(
    {
      services: AccountSASServices.parse('b').toString(),
      resourceTypes: AccountSASResourceTypes.parse('sco').toString(),
      permissions: AccountSASPermissions.parse('rwdlac'),
      expiresOn: expiry(),
      version: SAS_VERSION,
    },
    credential,
  ).toString();
  const response = await request(`${origin}/${ACCOUNT}/${CONTAINER}?restype=container&${sas}`, { method: 'PUT' });
  const text = await response.body.text();
  if (response.statusCode !== 201 && response.statusCode !== 409)
    throw new Error(`Azurite Create Container answered ${response.statusCode}: ${text.slice(0, 300)}`);
}

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
          '--blobHost',
          '127.0.0.1',
          '--blobPort',
          '0',
          '--location',
          dir,
          '--disableTelemetry',
          '--silent',
          '--skipApiVersionCheck',
        ],
        readyLine: /successfully listens on (http:\/\/[\d.]+:\d+)/,
      });
    } catch (error) {
      await removeTempDir(dir);
      throw error;
    }
    const origin = server.readyMatch![1]!;
    const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
    try {
      await createContainer(origin, credential);
    } catch (error) {
      await server.stop();
      await removeTempDir(dir);
      throw error;
    }
    const sas = generateBlobSASQueryParameters(
      { containerName: CONTAINER, permissions: ContainerSASPermissions.parse('racwd'), expiresOn: expiry(), version: SAS_VERSION },
      credential,
    ).toString();
    const requests = (keys: string[], headers: Record<string, string>): ObjectRequest[] =>
      keys.map((key) => ({ path: `/${ACCOUNT}/${CONTAINER}/${key.split('/').map(encodeURIComponent).join('/')}?${sas}`, headers }));
    return {
      name: 'azurite',
      description: `Azurite ${version} blob service, on disk (extent files + LokiJS metadata)`,
      durability: 'one copy, no fsync (Azurite writes its extent files and LokiJS metadata without syncing)',
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
