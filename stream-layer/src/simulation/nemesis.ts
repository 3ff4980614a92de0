import type { Prng } from './prng.js';
import type { SimCluster } from './sim-cluster.js';
import type { SimProcess, SimWorld } from './world.js';

/** The faults a run injects, and how many of each it did. */
export interface FaultCounts {
  nodeCrashes: number;
  nodePauses: number;
  linkCuts: number;
  managerCrashes: number;
  writerCrashes: number;
  takeOvers: number;
  writerPauses: number;
}

export type FaultKind = keyof FaultCounts;

/** What the nemesis needs of the workload: the writer hosts, and how to start a new one for a stream. */
export interface WriterControl {
  hosts(): { process: SimProcess; streamId: string; stop(): void }[];
  startHost(streamId: string): void;
}

const WEIGHTS: Record<FaultKind, number> = {
  nodeCrashes: 5,
  nodePauses: 3,
  linkCuts: 4,
  managerCrashes: 2,
  writerCrashes: 2,
  takeOvers: 2,
  writerPauses: 1,
};

/**
 * Schedules faults over the run's fault window from the seed: crashes (with torn unsynced
 * writes) and restarts of extent nodes, pauses past leases and append deadlines, cut links,
 * crashes of the leading stream manager, and writers that crash, pause or are taken over
 * while still running (a zombie writer that must be fenced).
 */
export function scheduleFaults(options: {
  world: SimWorld;
  cluster: SimCluster;
  random: Prng;
  writers: WriterControl;
  windowMs: number;
  count: number;
}): FaultCounts {
  const { world, cluster, random, writers } = options;
  const counts: FaultCounts = { nodeCrashes: 0, nodePauses: 0, linkCuts: 0, managerCrashes: 0, writerCrashes: 0, takeOvers: 0, writerPauses: 0 };
  const kinds = Object.entries(WEIGHTS).flatMap(([kind, weight]) => Array<FaultKind>(weight).fill(kind as FaultKind));
  const nodes = [...cluster.nodes.values()];
  for (let i = 0; i < options.count; i++) {
    const atMs = random.between(500, options.windowMs);
    const kind = random.pick(kinds);
    world.schedule(undefined, atMs, () => {
      counts[kind]++;
      switch (kind) {
        case 'nodeCrashes': {
          const node = random.pick(nodes);
          if (!node.process.up) return;
          cluster.crashNode(node);
          world.schedule(undefined, random.between(200, 5_000), () => cluster.restartNode(node));
          return;
        }
        case 'nodePauses': {
          const node = random.pick(nodes);
          const forMs = random.between(300, 14_000);
          world.note(`pause ${node.nodeId} for ${forMs} ms`);
          world.pause(node.process, forMs);
          return;
        }
        case 'linkCuts': {
          const processes = [
            ...nodes.map((node) => node.process),
            ...cluster.managers.map((entry) => entry.process),
            ...writers.hosts().map((host) => host.process),
          ];
          const a = random.pick(processes);
          const b = random.pick(processes.filter((process) => process !== a));
          const forMs = random.between(200, 8_000);
          world.note(`cut ${a.id}-${b.id} for ${forMs} ms`);
          cluster.network.cut(a, b, forMs);
          return;
        }
        case 'managerCrashes': {
          const entry = cluster.leader() ?? random.pick(cluster.managers);
          if (!entry.process.up) return;
          cluster.crashManager(entry);
          world.schedule(undefined, random.between(300, 5_000), () => cluster.restartManager(entry));
          return;
        }
        case 'writerCrashes': {
          if (writers.hosts().length === 0) return;
          const host = random.pick(writers.hosts());
          world.note(`crash ${host.process.id}`);
          host.stop();
          world.crash(host.process);
          cluster.network.crashed(host.process);
          world.schedule(undefined, random.between(100, 2_000), () => writers.startHost(host.streamId));
          return;
        }
        case 'takeOvers': {
          if (writers.hosts().length === 0) return;
          // The old writer keeps running (a partition server that has not heard it lost the
          // partition) until it stops a while later: it must be fenced meanwhile.
          const host = random.pick(writers.hosts());
          world.note(`take ${host.streamId} over from ${host.process.id}`);
          writers.startHost(host.streamId);
          world.schedule(undefined, random.between(0, 4_000), () => host.stop());
          return;
        }
        case 'writerPauses': {
          if (writers.hosts().length === 0) return;
          const host = random.pick(writers.hosts());
          const forMs = random.between(300, 12_000);
          world.note(`pause ${host.process.id} for ${forMs} ms`);
          world.pause(host.process, forMs);
          return;
        }
        default: {
          const never: never = kind;
          throw new Error(`unknown fault ${String(never)}`);
        }
      }
    });
  }
  return counts;
}
