import { errorMessage, rethrowIfAssertion, type BackgroundWorker, type Clock, type Etcd3, type Logger, type Workers } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import type { Partition } from '../partition-server/partition.js';
import { writeUsage } from './usage-reports.js';

/**
 * The mark phase on a partition server: its background job (`usage-report`) scans, every
 * `intervalMs`, each partition it serves whose index changed since its last scan (or that it
 * has not scanned at this generation) and publishes the usage to etcd, where the partition manager
 * and `strata extents` read it.
 */
export class UsagePublisher {
  /** Partition id → `generation:sequence` of its last published scan. */
  private readonly published = new Map<string, string>();
  private worker: BackgroundWorker | undefined;

  constructor(
    private readonly deps: { partitions: () => Partition[]; etcd: Etcd3; prefix: string; intervalMs: number; clock: Clock; log: Logger; workers: Workers },
  ) {}

  start(): void {
    this.worker ??= this.deps.workers.start({
      name: 'usage-report',
      intervalMs: this.deps.intervalMs,
      run: async () => {
        const changed = this.deps.partitions().filter((partition) => this.published.get(partition.id) !== versionOf(partition));
        await this.publish(changed);
      },
    });
  }

  /** Scans the partitions now and publishes their usage; returns it (a partition that fails is left out and logged). */
  async publish(partitions: readonly Partition[]): Promise<partitionV1.PartitionUsage[]> {
    const usages: partitionV1.PartitionUsage[] = [];
    for (const partition of partitions) {
      try {
        const version = versionOf(partition);
        const usage = await partition.gc.usage();
        await writeUsage(this.deps.etcd, this.deps.prefix, usage);
        this.published.set(partition.id, version);
        usages.push(usage);
      } catch (error) {
        rethrowIfAssertion(error);
        this.deps.log.warn({ partitionId: partition.id, err: errorMessage(error) }, 'partition usage not scanned');
      }
    }
    return usages;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await this.deps.workers.stop(worker);
  }
}

function versionOf(partition: Partition): string {
  return `${partition.descriptor.generation}:${partition.sequence}`;
}
