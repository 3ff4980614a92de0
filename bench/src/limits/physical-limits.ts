import { open } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { MIB } from '../load/stats.js';
import { makeTempDir, removeTempDir } from '../targets/temp-dir.js';

/** Each measurement stops after this long, or after its byte budget, whichever comes first. */
const MEASURE_MS = 3000;
/** Appended and fdatasynced per block size, at most: enough for a steady rate, bounded on a fast disk. */
const SYNC_BUDGET_BYTES = { large: 512 * MIB, small: 64 * MIB };
/** Pushed through the loopback socket pair, at most. */
const TCP_BUDGET_BYTES = 16 * 1024 * MIB;
/** The size of each write the TCP sender makes. */
const TCP_CHUNK_BYTES = MIB;

/** write + fdatasync of one block size, one writer, appending to a fresh file (as an extent grows). */
export interface SyncRate {
  blockBytes: number;
  syncs: number;
  seconds: number;
  syncsPerSec: number;
  mibPerSec: number;
}

/** The machine's own limits, measured in the run that they bound. */
export interface PhysicalLimits {
  /** The directory the disk was measured in: the bench's temp dir, where every server keeps its data. */
  dir: string;
  sync1MiB: SyncRate;
  sync4KiB: SyncRate;
  /** One Node socket pair on 127.0.0.1: the bench's process sends, a Node process of its own receives. */
  loopbackTcpMiBPerSec: number;
}

/**
 * Appends `blockBytes` blocks to a new file, each written then fdatasynced before the next (queue
 * depth one), until the time or byte budget runs out.
 */
async function syncRate(dir: string, blockBytes: number, budgetBytes: number): Promise<SyncRate> {
  const block = Buffer.alloc(blockBytes, 0x5a);
  const file = await open(join(dir, `sync-${blockBytes}`), 'w');
  let syncs = 0;
  const started = performance.now();
  try {
    while (performance.now() - started < MEASURE_MS && (syncs + 1) * blockBytes <= budgetBytes) {
      await file.write(block, 0, blockBytes);
      await file.datasync();
      syncs++;
    }
  } finally {
    await file.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { blockBytes, syncs, seconds, syncsPerSec: syncs / seconds, mibPerSec: (syncs * blockBytes) / MIB / seconds };
}

/**
 * The receiving end, a Node process of its own (as each of Strata's roles is): listens on
 * 127.0.0.1, prints its port, counts what arrives and prints the count when the sender ends.
 */
const RECEIVER = `
const server = require('node:net').createServer((socket) => {
  let received = 0;
  socket.on('data', (chunk) => (received += chunk.length));
  socket.on('end', () => { process.stdout.write('received ' + received + '\\n'); socket.end(); server.close(); });
});
server.listen(0, '127.0.0.1', () => process.stdout.write('port ' + server.address().port + '\\n'));
`;

/** Pushes 1 MiB writes from this process to a receiving Node process over 127.0.0.1. */
async function loopbackTcpMiBPerSec(): Promise<number> {
  const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const line = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(output);
        if (match) return void resolve(match[1]!);
        if (receiver.exitCode !== null) reject(new Error(`the loopback receiver exited: ${output}`));
      };
      receiver.stdout.on('data', (data: Buffer) => {
        output += data.toString('utf8');
        check();
      });
      receiver.once('exit', check);
      check();
    });
  const deadline = setTimeout(() => receiver.kill('SIGKILL'), 4 * MEASURE_MS);
  const sender = connect({ host: '127.0.0.1', port: Number(await line(/port (\d+)/)) });
  try {
    await new Promise<void>((resolve, reject) => sender.once('connect', resolve).once('error', reject));
    const chunk = Buffer.alloc(TCP_CHUNK_BYTES, 0x5a);
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < MEASURE_MS && sent < TCP_BUDGET_BYTES) {
      sent += chunk.length;
      if (!sender.write(chunk)) await new Promise((resolve) => sender.once('drain', resolve));
    }
    sender.end();
    const received = Number(await line(/received (\d+)/));
    return received / MIB / ((performance.now() - started) / 1000);
  } finally {
    clearTimeout(deadline);
    sender.destroy();
    if (receiver.exitCode === null) receiver.kill('SIGKILL');
  }
}

/**
 * Measures what bounds a replicated PUT on this machine: the disk's write + fdatasync rate at
 * 1 MiB and 4 KiB (in the bench's temp dir, the filesystem every server stores on) and loopback
 * TCP bandwidth. Every file is removed afterwards.
 */
export async function measurePhysicalLimits(): Promise<PhysicalLimits> {
  const dir = await makeTempDir('limits');
  try {
    const sync1MiB = await syncRate(dir, MIB, SYNC_BUDGET_BYTES.large);
    const sync4KiB = await syncRate(dir, 4096, SYNC_BUDGET_BYTES.small);
    return { dir, sync1MiB, sync4KiB, loopbackTcpMiBPerSec: await loopbackTcpMiBPerSec() };
  } finally {
    await removeTempDir(dir);
  }
}
