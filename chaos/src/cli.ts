import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '@strata/common';
import { checkHistory } from './checker.js';
import { readHistory } from './history.js';
import { CLIENTS_DEFAULT, PUT_MIB_PER_SECOND_DEFAULT, runChaos } from './run-chaos.js';
import { summaryLine } from './report.js';

const USAGE = `usage: npm run chaos -- [--duration S] [--seed N] [--clients N] [--put-mib-per-second N] [--flip-byte] [--fill-disk] [--restart-etcd] [--dir DIR] [--keep-data]
       npm run chaos -- --check DIR/history.jsonl`;
/** The longest run the command takes: a day. */
const DURATION_S_MAX = 86_400;
const CLIENTS_MAX = 64;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, range: [number, number]): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < range[0] || parsed > range[1])
    throw new UsageError(`--${name} must be an integer from ${range[0]} to ${range[1]}, got ${JSON.stringify(value)}`);
  return parsed;
}

/**
 * `npm run chaos`: one run against a fresh stamp. Prints one summary line, then the JSON
 * report; progress goes to stderr. Exits 0 when nothing was lost, corrupted, stale or
 * resurrected and the stamp converged; 1 otherwise; 2 on bad usage. Ctrl-C ends the load
 * early (the run still heals, checks and reports); a second Ctrl-C leaves at once.
 */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        duration: { type: 'string' },
        seed: { type: 'string' },
        clients: { type: 'string' },
        'put-mib-per-second': { type: 'string' },
        'flip-byte': { type: 'boolean', default: false },
        'fill-disk': { type: 'boolean', default: false },
        'restart-etcd': { type: 'boolean', default: false },
        dir: { type: 'string' },
        'keep-data': { type: 'boolean', default: false },
        check: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`chaos: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.check !== undefined) return checkOnly(values.check);
  let options;
  try {
    const seed = integer('seed', values.seed, randomInt(2 ** 31), [0, 2 ** 32 - 1]);
    options = {
      seed,
      durationS: integer('duration', values.duration, 120, [10, DURATION_S_MAX]),
      clients: integer('clients', values.clients, CLIENTS_DEFAULT, [1, CLIENTS_MAX]),
      putMiBPerSecond: integer('put-mib-per-second', values['put-mib-per-second'], PUT_MIB_PER_SECOND_DEFAULT, [1, 1024]),
      flipByte: values['flip-byte'],
      fillDisk: values['fill-disk'],
      restartEtcd: values['restart-etcd'],
      keepData: values['keep-data'],
      runDir: resolve(values.dir ?? `chaos-runs/seed-${seed}-${new Date(systemClock.nowMs()).toISOString().replace(/[:.]/g, '-')}`),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`chaos: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const interrupted = new AbortController();
  const onInterrupt = (): void => {
    if (interrupted.signal.aborted) process.exit(130);
    process.stderr.write('chaos: interrupted: stopping the load, then healing, checking and reporting (Ctrl-C again to leave at once)\n');
    interrupted.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.stderr.write(`chaos: seed ${options.seed}, ${options.durationS} s, run directory ${options.runDir}\n`);
  try {
    const report = await runChaos({ ...options, signal: interrupted.signal, progress: (line) => process.stderr.write(`chaos: ${line}\n`) });
    process.stdout.write(`${summaryLine(report)}\n${JSON.stringify(report, null, 2)}\n`);
    return report.passed ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

async function checkOnly(path: string): Promise<number> {
  const result = checkHistory(await readHistory(path));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return Object.values(result.counts).every((count) => count === 0) ? 0 : 1;
}
