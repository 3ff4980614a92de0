import { parseArgs } from 'node:util';
import { connectEtcd } from '@strata/common';
import { PartitionManagerClient } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';
import { LaunchError } from '../launcher/launch-error.js';
import { humanBytes, printJson } from './output.js';
import { readStampFile } from './stamp-file.js';

const USAGE = 'usage: strata gc status | run | pause | resume  [--json] [--data-dir DIR]';

/**
 * `strata gc`: space reclamation through the partition manager. `status` shows whether it is
 * paused, the last round and the stamp's live and stored bytes; `run` runs a round now and
 * prints what it did; `pause` and `resume` switch the background rounds off and on.
 */
export async function gcCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string', default: './data' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const [action, ...extra] = positionals;
  if (!action || !['status', 'run', 'pause', 'resume'].includes(action) || extra.length > 0) throw new LaunchError(USAGE);
  const stamp = readStampFile(values['data-dir']);
  const etcd = connectEtcd([stamp.etcdEndpoint]);
  const client = new PartitionManagerClient({ etcd, prefix: stamp.etcdPrefix });
  try {
    if (action === 'run') {
      const round = await client.gcRun();
      return values.json ? printJson(round) : printRound('round', round);
    }
    const state = action === 'status' ? await client.gcStatus() : await client.gcPause(action === 'pause');
    if (values.json) return printJson(state);
    printState(state);
  } finally {
    client.close();
    etcd.close();
  }
}

function printState(state: partitionV1.GcState__Output): void {
  const space = state.space!;
  process.stdout.write(
    [
      `space reclamation ${state.paused ? 'paused' : 'on'}${state.running ? ' (a round is running)' : ''}: extents below ${(state.liveRatioMin * 100).toFixed(0)}% live are compacted, a round every ${state.intervalMs / 1000} s`,
      `stamp: live ${humanBytes(Number(space.liveBytes))} of ${humanBytes(Number(space.storedBytes))} stored (${humanBytes(Number(space.rawStoredBytes))} with every replica); garbage ${(space.garbageRatio * 100).toFixed(1)}%`,
      `       ${space.extents} extents, ${space.extentsBelowThreshold} below the threshold${Number(space.extentsUnknown) > 0 ? `, ${space.extentsUnknown} not reported yet` : ''}`,
      '',
    ].join('\n'),
  );
  if (state.lastRound) printRound('last round', state.lastRound);
}

function printRound(label: string, round: partitionV1.GcRound__Output): void {
  const seconds = Number(round.durationMs) / 1000;
  const rate = seconds > 0 ? ` (${(Number(round.bytesRewritten) / 1048576 / seconds).toFixed(1)} MiB/s)` : '';
  process.stdout.write(
    `${label} at ${new Date(Number(round.startedMs)).toISOString()}: ${round.partitions} partitions compacted ${round.extentsPlanned} extents in ${seconds.toFixed(1)} s; ` +
      `${round.extentsReleased} released, ${round.recordsRewritten} records and ${humanBytes(Number(round.bytesRewritten))} rewritten${rate}, ${round.holdsDropped} orphan holds dropped\n`,
  );
  for (const error of round.errors) process.stdout.write(`  failed: ${error}\n`);
}
