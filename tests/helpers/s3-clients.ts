import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StampInfo } from '@strata/deploy';

const run = promisify(execFile);

/** Debian's command-line S3 clients, by the paths their packages install (scripts/ensure-test-tools.sh). */
export const CLIENT_BINARIES = { aws: '/usr/bin/aws', s3cmd: '/usr/bin/s3cmd', rclone: '/usr/bin/rclone', python3: '/usr/bin/python3' } as const;

/** A client command's deadline: generous for a loaded 2-core machine, bounded all the same. */
const COMMAND_TIMEOUT_MS = 240_000;

/**
 * Runs S3 command-line clients against a stamp with their default settings: only the endpoint
 * and credentials are given, in the way each client documents. Each runs in a clean
 * environment (its own HOME, no proxy or CA-bundle variables of this machine), so neither a
 * developer's configuration nor the CI machine's changes what is tested.
 */
export class S3Clients {
  private constructor(
    private readonly info: StampInfo,
    private readonly home: string,
  ) {}

  static async create(info: StampInfo, home: string): Promise<S3Clients> {
    // s3cmd reads its settings from a file; only what `s3cmd --configure` would ask is given.
    const endpoint = new URL(info.s3Endpoint).host;
    await writeFile(
      join(home, '.s3cfg'),
      [
        '[default]',
        `access_key = ${info.accessKeyId}`,
        `secret_key = ${info.secretAccessKey}`,
        `host_base = ${endpoint}`,
        `host_bucket = ${endpoint}`,
        'use_https = False',
        '',
      ].join('\n'),
    );
    return new S3Clients(info, home);
  }

  private env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { PATH: '/usr/bin:/bin', HOME: this.home, LANG: 'C.UTF-8', ...extra };
  }

  private async exec(file: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
    try {
      const { stdout } = await run(file, args, { env, cwd, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const failed = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${file} ${args.join(' ')} failed: ${failed.message}\n${failed.stderr ?? ''}\n${failed.stdout ?? ''}`);
    }
  }

  /** `aws --endpoint-url URL ARGS`, credentials from the environment as the aws cli docs show. */
  aws(args: string[], cwd: string): Promise<string> {
    return this.exec(
      CLIENT_BINARIES.aws,
      ['--endpoint-url', this.info.s3Endpoint, '--no-cli-pager', ...args],
      this.env({ AWS_ACCESS_KEY_ID: this.info.accessKeyId, AWS_SECRET_ACCESS_KEY: this.info.secretAccessKey, AWS_DEFAULT_REGION: this.info.region }),
      cwd,
    );
  }

  /** `s3cmd ARGS` with the ~/.s3cfg written at creation. */
  s3cmd(args: string[], cwd: string): Promise<string> {
    return this.exec(CLIENT_BINARIES.s3cmd, ['--no-progress', ...args], this.env(), cwd);
  }

  /** `rclone ARGS` with a remote named `strata:` (provider Other) from RCLONE_CONFIG_* variables. */
  rclone(args: string[], cwd: string): Promise<string> {
    return this.exec(
      CLIENT_BINARIES.rclone,
      args,
      this.env({
        RCLONE_CONFIG: join(this.home, 'rclone.conf'),
        RCLONE_CONFIG_STRATA_TYPE: 's3',
        RCLONE_CONFIG_STRATA_PROVIDER: 'Other',
        RCLONE_CONFIG_STRATA_ACCESS_KEY_ID: this.info.accessKeyId,
        RCLONE_CONFIG_STRATA_SECRET_ACCESS_KEY: this.info.secretAccessKey,
        RCLONE_CONFIG_STRATA_ENDPOINT: this.info.s3Endpoint,
      }),
      cwd,
    );
  }

  /** A Python script given `s3`, a boto3 client made as the boto3 docs show. */
  boto3(script: string, cwd: string): Promise<string> {
    const preamble = [
      'import boto3',
      `s3 = boto3.client("s3", endpoint_url=${JSON.stringify(this.info.s3Endpoint)}, aws_access_key_id=${JSON.stringify(this.info.accessKeyId)}, aws_secret_access_key=${JSON.stringify(this.info.secretAccessKey)}, region_name=${JSON.stringify(this.info.region)})`,
    ].join('\n');
    return this.exec(CLIENT_BINARIES.python3, ['-c', `${preamble}\n${script}`], this.env(), cwd);
  }
}
