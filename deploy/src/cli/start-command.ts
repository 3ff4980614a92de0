import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LaunchError } from '../launcher/launch-error.js';
import { Stamp } from '../launcher/stamp.js';

/** The S3 port `npm start` serves on unless told otherwise. */
export const DEFAULT_S3_PORT = 9480;

const USAGE = 'usage: strata start [--data-dir DIR] [--port PORT] [--extent-nodes N] [--log-level LEVEL]';

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
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new LaunchError(`--port must be a TCP port (0-65535), got ${JSON.stringify(values.port)}; ${USAGE}`);
  const extentNodes = Number(values['extent-nodes']);
  if (!Number.isInteger(extentNodes) || extentNodes < 3 || extentNodes > 64) throw new LaunchError(`--extent-nodes must be an integer from 3 to 64, got ${JSON.stringify(values['extent-nodes'])}`);
  const dataDir = resolve(values['data-dir']);

  process.stdout.write(`strata: starting a stamp in ${dataDir} ...\n`);
  const stamp = await Stamp.start({ dataDir, s3Port: port, extentNodes, logLevel: values['log-level'] }, (info, how) => {
    process.stderr.write(`strata: ${info.role} ${info.id} (pid ${info.pid}) exited (${how}); its log: ${dataDir}/logs/${info.id}.log\n`);
  });
  const { info } = stamp;
  process.stdout.write(
    [
      '',
      `Strata is serving S3 at ${info.s3Endpoint}`,
      `  region             ${info.region}`,
      `  account            ${info.account}`,
      `  access key id      ${info.accessKeyId}`,
      `  secret access key  ${info.secretAccessKey}`,
      `  data               ${dataDir} (stamp.json lists every process; logs/ has their logs)`,
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
