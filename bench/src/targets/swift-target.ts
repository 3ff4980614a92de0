import { randomBytes, randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@strata/deploy';
import { S3Presigner } from './s3-presigner.js';
import { ServerCluster } from './server-cluster.js';
import { startServerProcess } from './server-process.js';
import {
  SWIFT_ACCOUNT,
  SWIFT_NODE_COUNT,
  SWIFT_PART_POWER,
  SWIFT_REPLICAS,
  SWIFT_SERVER_KINDS,
  SWIFT_SERVER_MAIN,
  SWIFT_USER,
  swiftConf,
  swiftProxyConf,
  swiftServerConf,
  type SwiftServerKind,
} from './swift-config.js';
import { requireTools, runCommand } from './system-tools.js';
import { makeTempDir } from './temp-dir.js';
import type { RunningTarget, TargetFactory } from './target.js';

const BUCKET = 'bench';
/** Debian's packages (bookworm: Swift 2.30). */
const SWIFT_PACKAGES = ['swift-proxy', 'swift-object', 'swift-container', 'swift-account', 'memcached'];
/** Debian's Python, whose dist-packages hold Swift (a python3 earlier on PATH, e.g. pyenv's, cannot import it). */
const PYTHON = '/usr/bin/python3';
/** Log lines kept from Swift's servers, for the error of a failed start. */
const LOG_LINES_KEPT = 20;
/** Ten Python servers load Swift at once: on a busy 2-core machine that takes a minute or more. */
const SERVER_START_DEADLINE_MS = 240_000;
/** memcached's memory: tokens and account/container info only. */
const MEMCACHED_MIB = 64;

/** Swift's log lines, sent by its servers over UDP to the bench (Swift logs to syslog otherwise). */
class LogSink {
  readonly lines: string[] = [];
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (message) => {
      this.lines.push(
        message
          .toString('utf8')
          .replace(/^<\d+>/, '')
          .trim(),
      );
      if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
    });
  }

  static async open(): Promise<LogSink> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new LogSink(socket, socket.address().port);
  }

  close(): void {
    this.socket.close();
  }
}

/** The servers of the cluster and everything to stop, in reverse order of starting. */
class SwiftCluster extends ServerCluster {
  constructor(
    dir: string,
    readonly log: LogSink,
  ) {
    super('swift', dir);
  }

  async start(label: string, command: string, args: string[], tcpPort: number): Promise<void> {
    try {
      const server = await startServerProcess({ name: `swift ${label}`, command, args, tcpPort, startDeadlineMs: SERVER_START_DEADLINE_MS });
      this.processes.push({ label, server });
    } catch (error) {
      throw new Error(`${(error as Error).message}\nswift's log:\n${this.log.lines.join('\n')}`);
    }
  }

  async server(kind: SwiftServerKind | 'proxy', conf: string, port: number, label: string): Promise<void> {
    await this.start(label, PYTHON, ['-c', SWIFT_SERVER_MAIN, this.dir, conf, `${kind}-server`], port);
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.server.stop()));
    this.log.close();
  }
}

/** The object, container and account rings (built side by side): three replicas, one device per node. */
async function buildRings(dir: string, ports: Record<SwiftServerKind, number[]>): Promise<void> {
  await Promise.all(
    SWIFT_SERVER_KINDS.map(async (kind) => {
      const builder = join(dir, `${kind}.builder`);
      const devices = ports[kind].flatMap((port, i) => [`r1z${i + 1}-127.0.0.1:${port}/d${i + 1}`, '100']);
      await runCommand('swift-ring-builder', [builder, 'create', String(SWIFT_PART_POWER), String(SWIFT_REPLICAS), '1']);
      await runCommand('swift-ring-builder', [builder, 'add', ...devices]);
      await runCommand('swift-ring-builder', [builder, 'rebalance']);
    }),
  );
}

/** Writes the configs and rings, starts memcached, nine storage servers and the proxy; returns the S3 secret. */
async function buildCluster(cluster: SwiftCluster, proxyPort: number): Promise<string> {
  const { dir, log } = cluster;
  const user = userInfo().username;
  const secret = randomBytes(20).toString('hex');
  const ports = Object.fromEntries(
    await Promise.all(SWIFT_SERVER_KINDS.map(async (kind) => [kind, await Promise.all(Array.from({ length: SWIFT_NODE_COUNT }, () => freePort()))])),
  ) as Record<SwiftServerKind, number[]>;
  await writeFile(join(dir, 'swift.conf'), swiftConf({ prefix: randomUUID(), suffix: randomUUID() }));
  await buildRings(dir, ports);
  const memcachedPort = await freePort();
  await writeFile(join(dir, 'proxy.conf'), swiftProxyConf({ dir, port: proxyPort, memcachedPort, user, secret, log }));
  const asRoot = process.getuid?.() === 0 ? ['-u', 'root'] : [];
  await cluster.start(
    'memcached',
    'memcached',
    ['-l', '127.0.0.1', '-p', String(memcachedPort), '-U', '0', '-m', String(MEMCACHED_MIB), ...asRoot],
    memcachedPort,
  );
  const servers = [];
  for (let node = 1; node <= SWIFT_NODE_COUNT; node++) {
    await mkdir(join(dir, `node${node}`, `d${node}`), { recursive: true });
    for (const kind of SWIFT_SERVER_KINDS) {
      const conf = join(dir, `${kind}-${node}.conf`);
      const port = ports[kind][node - 1]!;
      await writeFile(conf, swiftServerConf({ kind, dir, node, port, user, log }));
      servers.push({ kind, conf, port, label: `${kind}-${node}` });
    }
  }
  await Promise.all(servers.map((s) => cluster.server(s.kind, s.conf, s.port, s.label)));
  await cluster.server('proxy', join(dir, 'proxy.conf'), proxyPort, 'proxy');
  return secret;
}

/**
 * OpenStack Swift (Debian's 2.30) as an S3 server: a proxy with s3api and tempauth, memcached,
 * and three storage nodes on 127.0.0.1, each an object, a container and an account server with
 * one device in the temp dir; rings of three replicas. Started and stopped by the bench.
 */
export const swiftTarget: TargetFactory = {
  name: 'swift',
  async start(): Promise<RunningTarget> {
    requireTools({
      peer: 'swift',
      commands: [
        [PYTHON, '-c', 'import swift.proxy.server, swift.obj.server, swift.container.server, swift.account.server'],
        ['swift-ring-builder'],
        ['memcached', '-h'],
      ],
      packages: SWIFT_PACKAGES,
    });
    const version = (await runCommand(PYTHON, ['-c', 'import swift; print(swift.__version__)'])).trim();
    const cluster = new SwiftCluster(await makeTempDir('swift'), await LogSink.open());
    const proxyPort = await freePort();
    const origin = `http://127.0.0.1:${proxyPort}`;
    return cluster.run(async () => {
      const secret = await buildCluster(cluster, proxyPort);
      const presigner = new S3Presigner({
        origin,
        region: 'us-east-1',
        bucket: BUCKET,
        accessKeyId: `${SWIFT_ACCOUNT}:${SWIFT_USER}`,
        secretAccessKey: secret,
      });
      await presigner.warmUp('Swift');
      return {
        name: 'swift',
        description: `Swift ${version}: proxy (s3api, tempauth), memcached, ${SWIFT_NODE_COUNT} nodes × (object, container, account server), rings of ${SWIFT_REPLICAS} replicas`,
        durability: '3 replicas: the proxy acks once 2 of 3 object servers (a quorum) have fsynced the object; it gives the third 0.5 s more',
        origin,
        presigner,
      };
    });
  },
};
