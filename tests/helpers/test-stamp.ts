import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { Stamp, type StampOptions } from '@strata/deploy';

/** Stamps started by this test file, stopped on exit even if a test forgot (or failed). */
const running = new Set<Stamp>();
process.once('exit', () => {
  for (const stamp of running) {
    for (const info of stamp.processes()) {
      try {
        process.kill(info.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

export interface TestStamp {
  stamp: Stamp;
  dataDir: string;
  /** An S3 client with the AWS SDK's default settings, pointed at the stamp. */
  s3: S3Client;
  /** Stops the stamp and starts it again on the same data directory. */
  restart(): Promise<void>;
  /** Stops every process and removes the data directory. */
  destroy(): Promise<void>;
}

/** A stamp of real processes on a fresh temp directory and free ports. */
export async function startTestStamp(options: Partial<StampOptions> = {}): Promise<TestStamp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'strata-test-')));
  const exits: string[] = [];
  const start = async (): Promise<Stamp> => {
    const stamp = await Stamp.start({ s3Port: 0, logLevel: 'info', ...options, dataDir }, (info, how) => exits.push(`${info.id} ${how}`));
    running.add(stamp);
    return stamp;
  };
  let first: Stamp;
  try {
    first = await start();
  } catch (error) {
    throw await failedStart(error as Error, options.dataDir ? undefined : dataDir);
  }
  const fixture: TestStamp = {
    stamp: first,
    dataDir,
    s3: undefined as unknown as S3Client,
    restart: async () => {
      await fixture.stamp.stop();
      running.delete(fixture.stamp);
      fixture.s3.destroy();
      fixture.stamp = await start();
      fixture.s3 = clientFor(fixture.stamp);
    },
    destroy: async () => {
      fixture.s3?.destroy();
      await fixture.stamp.stop();
      running.delete(fixture.stamp);
      // STRATA_KEEP_TEST_DATA=1 keeps the directory (logs, stamp.json) to look at a failure.
      if (process.env.STRATA_KEEP_TEST_DATA !== '1') await rm(dataDir, { recursive: true, force: true });
      else process.stdout.write(`kept test stamp data in ${dataDir}\n`);
    },
  };
  fixture.s3 = clientFor(fixture.stamp);
  return fixture;
}

/** The AWS SDK at its defaults: only where to connect and who we are. */
export function clientFor(stamp: Stamp, credentials?: { accessKeyId: string; secretAccessKey: string }): S3Client {
  const info = stamp.info;
  return new S3Client({
    endpoint: info.s3Endpoint,
    region: info.region,
    credentials: credentials ?? { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
  });
}

/**
 * A stamp that failed to start: the error gains the end of the log it names (the directory
 * is about to go), and the temp directory is removed unless STRATA_KEEP_TEST_DATA=1.
 */
async function failedStart(error: Error, tempDir: string | undefined): Promise<Error> {
  const logPath = /see (\S+\.log)/.exec(error.message)?.[1];
  if (logPath) {
    const tail = await readFile(logPath, 'utf8').then(
      (text) => text.trimEnd().split('\n').slice(-8).join('\n'),
      () => '',
    );
    if (tail) error.message += `\nlast lines of ${logPath}:\n${tail}`;
  }
  if (tempDir && process.env.STRATA_KEEP_TEST_DATA !== '1') await rm(tempDir, { recursive: true, force: true });
  return error;
}
