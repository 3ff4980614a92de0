/**
 * Runs one etcd server as a child of the launcher: starts the `etcd` binary with the
 * arguments it is given, reports ready (with etcd's own pid) once etcd answers /health, and
 * stops etcd when the launcher asks or dies. Without it a launcher killed by SIGKILL would
 * leave etcd running.
 */
import { spawn } from 'node:child_process';
import { rethrowIfAssertion, systemClock, type ReadyMessage } from '@strata/common';

const HEALTH_TIMEOUT_MS = 30_000;
const [clientUrl, ...etcdArgs] = process.argv.slice(2);
if (!clientUrl) throw new Error('usage: etcd-guard CLIENT_URL ETCD_ARGS...');

const etcd = spawn('etcd', etcdArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  etcd.kill('SIGTERM');
  systemClock.after(5_000, () => etcd.kill('SIGKILL'));
};
etcd.on('exit', (code, signal) => {
  // Die of etcd's signal, so that the launcher reports (and its supervisor sees) how etcd ended.
  if (signal && !stopping) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? (signal === 'SIGKILL' ? 137 : 1));
});
etcd.on('error', (error) => {
  process.stderr.write(`etcd-guard: cannot run etcd: ${error.message}\n`);
  process.exit(127);
});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

const deadline = systemClock.monotonicMs() + HEALTH_TIMEOUT_MS;
while (systemClock.monotonicMs() < deadline && !stopping) {
  const healthy = await fetch(`${clientUrl}/health`)
    .then(async (response) => response.ok && ((await response.json()) as { health?: string }).health === 'true')
    // Not answering yet is what this loop waits out.
    .catch((error: unknown) => {
      rethrowIfAssertion(error);
      return false;
    });
  if (healthy) {
    const ready: ReadyMessage = { type: 'ready', role: 'etcd', pid: etcd.pid!, address: clientUrl.replace(/^http:\/\//, '') };
    process.send?.(ready);
    break;
  }
  await systemClock.sleep(100);
}
