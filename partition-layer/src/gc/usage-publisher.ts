import { errorMessage, type Clock, type Etcd3, type Logger } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import type { Partition } from '../partition-server/partition.js';
import { writeUsage } from './usage-reports.js';

/**
 * The mark phase on a partition server: every `intervalMs`, scans each partition it serves
 * whose index changed since its last scan (or that it has not scanned at this epoch) and
 * publishes the usage to etcd, where the partition manager and `strata extents` read it.
 */
export class UsagePublisher {
  /** Partition id → `epoch:sequence` of its last published scan. */
  private readonly published = new Map<string, string>();
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly deps: { partitions: () => Partition[]; etcd: Etcd3; prefix: string; intervalMs: number; clock: Clock; log: Logger }) {}

  start(): void {
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.deps.clock.sleep(this.deps.intervalMs, this.abort.signal);
        const changed = this.deps.partitions().filter((partition) => this.published.get(partition.id) !== versionOf(partition));
        await this.publish(changed);
      } catch (error) {
        if (!this.abort.signal.aborted) this.deps.log.warn({ err: errorMessage(error) }, 'usage not published');
      }
    }
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
        this.deps.log.warn({ partitionId: partition.id, err: errorMessage(error) }, 'partition usage not scanned');
      }
    }
    return usages;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}

function versionOf(partition: Partition): string {
  return `${partition.descriptor.epoch}:${partition.sequence}`;
}
