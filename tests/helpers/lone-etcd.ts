import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadyMessage } from '@strata/common';

const ETCD_GUARD = fileURLToPath(new URL('../../deploy/dist/launcher/etcd-guard.js', import.meta.url));

/**
 * One real etcd on loopback under the launcher's guard (which stops it if this test's process
 * dies), killed and started again on the same data dir and ports.
 */
export class LoneEtcd {
  private guard: ChildProcess | undefined;
  private etcdPid: number | undefined;
  constructor(
    private readonly dir: string,
    private readonly ports: { client: number; peer: number },
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.ports.client}`;
  }

  async start(): Promise<void> {
    const peer = `http://127.0.0.1:${this.ports.peer}`;
    const guard = fork(
      ETCD_GUARD,
      [
        this.endpoint,
        '--name',
        'lone',
        '--data-dir',
        join(this.dir, 'etcd'),
        '--listen-client-urls',
        this.endpoint,
        '--advertise-client-urls',
        this.endpoint,
        '--listen-peer-urls',
        peer,
        '--initial-advertise-peer-urls',
        peer,
        '--initial-cluster',
        `lone=${peer}`,
        '--logger',
        'zap',
        '--log-level',
        'error',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] },
    );
    this.guard = guard;
    const [ready] = (await once(guard, 'message')) as [ReadyMessage];
    this.etcdPid = ready.pid;
  }

  /** SIGKILL to etcd itself (its guard then exits). */
  async kill(): Promise<void> {
    const guard = this.guard;
    if (!guard || guard.exitCode !== null || guard.signalCode !== null) return;
    const exited = once(guard, 'exit');
    process.kill(this.etcdPid!, 'SIGKILL');
    await exited;
  }
}
