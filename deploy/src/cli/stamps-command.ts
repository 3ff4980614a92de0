import { parseArgs } from 'node:util';
import { LaunchError } from '../launcher/launch-error.js';
import { ADMIN_FLAGS, ADMIN_FLAGS_USAGE, adminClientFrom } from './admin-target.js';
import { humanBytes, printJson, printTable } from './output.js';

const USAGE = `usage: strata stamps list ${ADMIN_FLAGS_USAGE}`;

/** `strata stamps list`: every stamp with its front-ends, last reported use and account count. */
export async function stampsCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: ADMIN_FLAGS, strict: true, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== 'list') throw new LaunchError(USAGE);
  const stamps = await adminClientFrom(values).listStamps();
  if (values.json) return printJson({ stamps });
  printTable(
    ['STAMP', 'FRONT-ENDS', 'USED', 'CAPACITY', 'UTILISATION', 'ACCOUNTS', 'REPORTED'],
    stamps.map((s) => [
      s.stampId,
      s.frontEnds.join(','),
      humanBytes(s.usedBytes),
      humanBytes(s.capacityBytes),
      `${(s.utilisation * 100).toFixed(2)}%`,
      String(s.accounts),
      s.reportedAt ?? 'never',
    ]),
  );
}
