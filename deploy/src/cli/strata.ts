import { isStrataError, rethrowIfAssertion } from '@strata/common';
import { LaunchError } from '../launcher/launch-error.js';
import { accountsCommand } from './accounts-command.js';
import { containersCommand } from './containers-command.js';
import { extentsCommand } from './extents-command.js';
import { gcCommand } from './gc-command.js';
import { partitionsCommand } from './partitions-command.js';
import { startCommand } from './start-command.js';
import { stampsCommand } from './stamps-command.js';
import { statusCommand } from './status-command.js';
import { workersCommand } from './workers-command.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  start: startCommand,
  status: statusCommand,
  workers: workersCommand,
  accounts: accountsCommand,
  containers: containersCommand,
  stamps: stampsCommand,
  extents: extentsCommand,
  partitions: partitionsCommand,
  gc: gcCommand,
};

/**
 * The `strata` command line: `strata <command> [options]`. Errors are one line: bad usage exits
 * 2, an error the location service answered (its code in brackets) exits 1.
 */
export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new LaunchError(`usage: strata <${Object.keys(COMMANDS).join('|')}> [options]`);
    await command(rest);
  } catch (error) {
    rethrowIfAssertion(error);
    const usage = error instanceof LaunchError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (isStrataError(error)) {
      process.stderr.write(`strata: ${error.message} [${error.code}]\n`);
      process.exit(1);
    }
    process.stderr.write(`strata: ${usage ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(usage ? 2 : 1);
  }
}
