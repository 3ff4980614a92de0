import { LaunchError } from '../launcher/launch-error.js';
import { extentsCommand } from './extents-command.js';
import { startCommand } from './start-command.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  start: startCommand,
  extents: extentsCommand,
};

/** The `strata` command line: `strata <command> [options]`. Errors are one line and exit 2. */
export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new LaunchError(`usage: strata <${Object.keys(COMMANDS).join('|')}> [options]`);
    await command(rest);
  } catch (error) {
    const known = error instanceof LaunchError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`strata: ${known ? (error as Error).message : (error as Error).stack ?? String(error)}\n`);
    process.exit(known ? 2 : 1);
  }
}
