import { parseArgs } from 'node:util';
import { runSeed } from './run-seed.js';
import { describeSummary, runSeeds } from './run-seeds.js';

/**
 * `npm run sim -- [--seeds N] [--from S]`: runs seeds S … S+N-1 and prints what they found;
 * `npm run sim -- --seed S [--trace]`: replays one seed exactly, with every fault, note and
 * log line of the run in time order.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, seeds: { type: 'string' }, from: { type: 'string' }, trace: { type: 'boolean' } },
    strict: true,
  });
  if (values.seed !== undefined) {
    const result = await runSeed(Number(values.seed), { trace: values.trace ?? false });
    if (values.trace) for (const line of result.trace ?? []) process.stdout.write(`${line.atMs.toFixed(3).padStart(12)} ${line.text}\n`);
    const { trace: _trace, ...rest } = result;
    process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    process.exitCode = result.ok ? 0 : 1;
    return;
  }
  const from = Number(values.from ?? 1);
  const count = Number(values.seeds ?? 1000);
  if (!Number.isInteger(from) || !Number.isInteger(count) || count < 1) throw new Error('usage: npm run sim -- [--seeds N] [--from S] | --seed S [--trace]');
  const summary = await runSeeds({
    from,
    count,
    onResult: (result) => {
      if (!result.ok) process.stdout.write(`seed ${result.seed} FAILED: ${result.failure}\n`);
      else if (result.seed % 100 === 0) process.stdout.write(`… seed ${result.seed}\n`);
    },
  });
  process.stdout.write(`${describeSummary(summary)}\n`);
  process.exitCode = summary.failures.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
