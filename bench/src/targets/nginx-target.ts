import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '@strata/deploy';
import { startServerProcess } from './server-process.js';
import { PeerNotInstalledError } from './system-tools.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import type { ObjectRequest, RunningTarget, TargetFactory } from './target.js';

/** Where Debian's nginx package puts the binary; PATH is searched first. */
const NGINX_FALLBACK = '/usr/sbin/nginx';

function nginxBinary(): string {
  for (const candidate of ['nginx', NGINX_FALLBACK]) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next
    }
  }
  throw new PeerNotInstalledError('nginx is not installed: apt-get install nginx (Debian/Ubuntu), or leave nginx out of --servers');
}

/** An nginx config of its own: WebDAV PUT and static GET of one directory, on one loopback port. */
function nginxConfig(prefix: string, port: number): string {
  return `# written by the Strata bench; nginx's defaults except what a temp prefix needs
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  client_max_body_size 0;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/data;
    location / {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
}
`;
}

/** nginx (Debian package) as the near-hardware limit for HTTP: one copy, no fsync. */
export const nginxTarget: TargetFactory = {
  name: 'nginx',
  async start(): Promise<RunningTarget> {
    const binary = nginxBinary();
    // nginx -v prints its version on stderr.
    const version =
      spawnSync(binary, ['-v'], { encoding: 'utf8' })
        .stderr.trim()
        .replace(/^nginx version: /, '') || 'nginx';
    const prefix = await makeTempDir('nginx');
    await mkdir(join(prefix, 'data'));
    const port = await freePort();
    await writeFile(join(prefix, 'nginx.conf'), nginxConfig(prefix, port));
    let server;
    try {
      server = await startServerProcess({
        name: 'nginx',
        command: binary,
        args: ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
        tcpPort: port,
      });
    } catch (error) {
      await removeTempDir(prefix);
      throw error;
    }
    const requests = async (keys: string[]): Promise<ObjectRequest[]> => keys.map((key) => ({ path: `/${key}`, headers: {} }));
    return {
      name: 'nginx',
      description: `${version}: WebDAV PUT and static GET`,
      durability: 'one copy, no fsync',
      origin: `http://127.0.0.1:${port}`,
      putRequests: requests,
      getRequests: requests,
      // The sampler adds the workers (the master's children).
      processes: () => [{ label: 'nginx', pid: server.pid }],
      stop: async () => {
        await server.stop();
        await removeTempDir(prefix);
      },
    };
  },
};
