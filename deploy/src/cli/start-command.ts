import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LaunchError } from '../launcher/launch-error.js';
import { Stamp } from '../launcher/stamp.js';
import { printProcessEvents } from './process-events.js';

/** The S3 port `npm start` serves on unless told otherwise. */
export const DEFAULT_S3_PORT = 9480;

/** The DNS port `npm start` answers on unless told otherwise (or given --port 0, which frees both). */
export const DEFAULT_DNS_PORT = 9453;

const USAGE =
  'usage: strata start [--data-dir DIR] [--port PORT] [--stamps N] [--dns-port PORT] [--domain NAME] [--extent-nodes N] [--partition-servers N] [--front-ends N] [--log-level LEVEL]';
const STAMPS_MAX = 8;
/** More would only crowd one machine: a local stamp is for trying Strata and for tests. */
const ROLE_INSTANCES_MAX = 16;

/**
 * Two partition servers, so that a partition server that dies (or keeps dying) has its
 * partitions served by the other while the launcher restarts it. One front-end: clients use
 * the one S3 endpoint printed (port 9480), which a restarted front-end serves again within a
 * few seconds; a second front-end, on another port, would serve nobody who was not told of it
 * and costs a process on small machines (`--front-ends N` runs more, e.g. behind a balancer).
 */
const LOCAL_STAMP_DEFAULTS = { partitionServers: 2, frontEnds: 1 };

/**
 * `strata start`: runs a local stamp in the foreground until Ctrl-C (or SIGTERM), keeping its
 * data in --data-dir (default ./data), so a restart serves everything stored before.
 */
export async function startCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string', default: './data' },
      port: { type: 'string', default: String(DEFAULT_S3_PORT) },
      'extent-nodes': { type: 'string', default: '4' },
      'log-level': { type: 'string', default: 'info' },
      stamps: { type: 'string', default: '1' },
      'partition-servers': { type: 'string', default: String(LOCAL_STAMP_DEFAULTS.partitionServers) },
      'front-ends': { type: 'string', default: String(LOCAL_STAMP_DEFAULTS.frontEnds) },
      'dns-port': { type: 'string' },
      domain: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new LaunchError(`--port must be a TCP port (0-65535), got ${JSON.stringify(values.port)}; ${USAGE}`);
  const extentNodes = Number(values['extent-nodes']);
  if (!Number.isInteger(extentNodes) || extentNodes < 3 || extentNodes > 64)
    throw new LaunchError(`--extent-nodes must be an integer from 3 to 64, got ${JSON.stringify(values['extent-nodes'])}`);
  const stamps = Number(values.stamps);
  if (!Number.isInteger(stamps) || stamps < 1 || stamps > STAMPS_MAX)
    throw new LaunchError(`--stamps must be an integer from 1 to ${STAMPS_MAX}, got ${JSON.stringify(values.stamps)}`);
  const partitionServers = countOf('--partition-servers', values['partition-servers']);
  const frontEnds = countOf('--front-ends', values['front-ends']);
  const dnsPort = Number(values['dns-port'] ?? (port === 0 ? 0 : DEFAULT_DNS_PORT));
  if (!Number.isInteger(dnsPort) || dnsPort < 0 || dnsPort > 65_535)
    throw new LaunchError(`--dns-port must be a port (0-65535), got ${JSON.stringify(values['dns-port'])}`);
  if (values.domain !== undefined && !/^[a-z0-9]([a-z0-9.-]{0,198}[a-z0-9])?$/.test(values.domain))
    throw new LaunchError(`--domain must be a lower-case DNS name, got ${JSON.stringify(values.domain)}`);
  const dataDir = resolve(values['data-dir']);

  process.stdout.write(`strata: starting ${stamps === 1 ? 'a stamp' : `${stamps} stamps`} in ${dataDir} ...\n`);
  const stamp = await Stamp.start(
    {
      dataDir,
      s3Port: port,
      extentNodes,
      partitionServers,
      frontEnds,
      logLevel: values['log-level'],
      stamps,
      dnsPort,
      ...(values.domain ? { domain: values.domain } : {}),
    },
    printProcessEvents(dataDir),
  );
  const { info } = stamp;
  process.stdout.write(
    [
      '',
      `Strata is serving S3 at ${info.s3Endpoint}`,
      `  region             ${info.region}`,
      `  account            ${info.account}`,
      `  access key id      ${info.accessKeyId}`,
      `  secret access key  ${info.secretAccessKey}`,
      ...(frontEnds > 1 ? [`  front-ends         ${info.s3Endpoints.join(' ')}`] : []),
      `  data               ${dataDir} (stamp.json lists every process; logs/ has their logs)`,
      `  processes          restarted when they die; \`npx strata status --data-dir ${dataDir}\` shows them`,
      ...(stamps > 1 ? ['', ...info.stamps.map((entry) => `  ${entry.stampId.padEnd(17)}  ${entry.s3Endpoint}`)] : []),
      '',
      `Location service: admin API ${info.locationService.admin} (token in stamp.json), DNS ${info.locationService.dns} for ${info.locationService.domain}`,
      `  strata accounts create NAME --data-dir ${dataDir}     dig @${info.locationService.dns.split(':')[0]} -p ${info.locationService.dns.split(':')[1]} NAME.${info.locationService.domain}`,
      '',
      `Try: AWS_ACCESS_KEY_ID=${info.accessKeyId} AWS_SECRET_ACCESS_KEY=${info.secretAccessKey} aws --endpoint-url ${info.s3Endpoint} s3 mb s3://my-bucket`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((done) => {
    const stop = (signal: string): void => {
      process.stdout.write(`strata: ${signal}, stopping every process ...\n`);
      stamp.stop().then(done, done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  process.stdout.write('strata: stopped\n');
}

function countOf(flag: string, given: string): number {
  const count = Number(given);
  if (!Number.isInteger(count) || count < 1 || count > ROLE_INSTANCES_MAX)
    throw new LaunchError(`${flag} must be an integer from 1 to ${ROLE_INSTANCES_MAX}, got ${JSON.stringify(given)}`);
  return count;
}
