import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectEtcd, leaderOf, type Etcd3 } from '@strata/common';
import type { Stamp } from '@strata/deploy';

/** A look at the cluster that takes longer than this is given up (etcd may be down on purpose). */
const VIEW_TIMEOUT_MS = 20_000;
const CLI = fileURLToPath(import.meta.resolve('@strata/deploy/bin/strata.js'));

export interface ExtentView {
  extentId: string;
  sealed: boolean;
  lengthBytes: string | number;
  replicas: { nodeId: string; healthy: boolean }[];
}

export interface StreamView {
  streamId: string;
  name: string;
  extents: ExtentView[];
}

export interface PartitionView {
  partitionId: string;
  ownerId: string;
}

/**
 * What the nemesis and the convergence check know of the cluster, asked the way an operator
 * asks: `strata extents --json` and `strata partitions --json` on the run's stamp, and the
 * managers' elections in etcd for who leads.
 */
export class ClusterView {
  private readonly etcd: Etcd3;

  constructor(private readonly stamp: Stamp) {
    this.etcd = connectEtcd([stamp.info.etcdEndpoint]);
  }

  async streams(): Promise<StreamView[]> {
    return ((await this.cli(['extents', '--json'])) as { streams: StreamView[] }).streams;
  }

  async partitions(): Promise<PartitionView[]> {
    return ((await this.cli(['partitions', '--json'])) as { partitions: PartitionView[] }).partitions;
  }

  /**
   * The process id of the stream or partition manager that leads now, if any. The election
   * keys are the layers' (`stream/manager`, `partition/manager` under the stamp's prefix).
   */
  async leader(layer: 'stream' | 'partition'): Promise<string | undefined> {
    const address = await withTimeout(leaderOf(this.etcd, `${this.stamp.info.etcdPrefix}/${layer}/manager`), `the ${layer} manager leader`);
    const role = `${layer}-manager`;
    return this.stamp.processes().find((p) => p.role === role && p.address === address)?.id;
  }

  private cli(args: string[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, ...args, '--data-dir', this.stamp.dataDir],
        { timeout: VIEW_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) return reject(new Error(`strata ${args[0]}: ${stderr.trim().split('\n')[0] || error.message}`));
          try {
            resolve(JSON.parse(stdout));
          } catch {
            reject(new Error(`strata ${args[0]}: not JSON: ${stdout.slice(0, 200)}`));
          }
        },
      );
    });
  }

  close(): void {
    this.etcd.close();
  }
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer about ${what} within ${VIEW_TIMEOUT_MS} ms`)), VIEW_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
