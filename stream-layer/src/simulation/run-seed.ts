import { pino } from 'pino';
import { silentLogger, type Logger } from '@strata/common';
import { ExtentReader } from '../client/extent-reader.js';
import { joinParts } from '../transport/extent-node-api.js';
import { INVARIANTS, Model, type InvariantName } from './model.js';
import { scheduleFaults, type FaultCounts, type WriterControl } from './nemesis.js';
import { Prng } from './prng.js';
import { SimCluster, type ClusterShape } from './sim-cluster.js';
import { SimKv } from './sim-kv.js';
import { SimExtentNodes, SimNetwork } from './sim-network.js';
import { WriterHost, type WorkloadShape } from './workload.js';
import { SimProcess, SimWorld, type TraceLine } from './world.js';

/** What one seed's run found. */
export interface SeedResult {
  seed: number;
  ok: boolean;
  failure?: string;
  /** Simulated time, ms, and events fired. */
  simulatedMs: number;
  events: number;
  appends: number;
  acknowledged: number;
  failedAppends: number;
  faults: FaultCounts;
  checks: Record<InvariantName, number>;
  shape: ClusterShape & { streams: number };
  /** Filled with `trace: true`: the faults, notes and every component's log lines, in time order. */
  trace?: TraceLine[];
}

/** After the fault window: how long healing may take before the stamp must have converged. */
const HEAL_MS_MAX = 60_000;
/** How often the checks that read every replica run, in events. */
const REPLICA_CHECK_EVERY_EVENTS = 400;

/**
 * Runs one seed: a stamp's stream layer (3–6 extent nodes, 1–2 stream managers) under 1–2
 * writers and a seeded nemesis for a fault window, then heals everything and checks that
 * nothing acknowledged was lost, every sealed extent converged and replicas agree. The seed
 * decides everything, so the same seed replays exactly; `trace` records what happened.
 */
export async function runSeed(seed: number, options: { trace?: boolean } = {}): Promise<SeedResult> {
  const random = new Prng(seed);
  const world = new SimWorld(random.fork('world'));
  const log: Logger = options.trace
    ? pino(
        {
          level: 'debug',
          base: undefined,
          timestamp: false,
          serializers: { err: (error: unknown) => (error instanceof Error ? error.message : String(error)) },
        },
        { write: (line: string) => world.note(line.trimEnd()) },
      )
    : silentLogger();
  const shapeRandom = random.fork('shape');
  const extentNodes = shapeRandom.between(3, 6);
  const shape: ClusterShape & { streams: number } = {
    extentNodes,
    faultDomains: shapeRandom.between(Math.min(3, extentNodes), extentNodes),
    streamManagers: shapeRandom.between(1, 2),
    replicaCount: 3,
    repairIntervalMs: shapeRandom.between(300, 2_000),
    streams: shapeRandom.between(1, 2),
  };
  const netRandom = random.fork('network');
  const network = new SimNetwork(world, netRandom, {
    latencyMs: () => 0.05 + netRandom.float() * (netRandom.chance(0.02) ? 40 : 2),
    dropRate: shapeRandom.pick([0, 0.001, 0.01]),
    breakRate: shapeRandom.pick([0, 0.0005, 0.003]),
  });
  const kvRandom = random.fork('kv');
  const kv = new SimKv(world, kvRandom, {
    latencyMs: () => 0.2 + kvRandom.float() * 3,
    failRate: shapeRandom.pick([0, 0.01, 0.05]),
    ambiguousRate: shapeRandom.pick([0, 0.01, 0.05]),
  });
  const diskRandom = random.fork('disk');
  const cluster = new SimCluster(
    world,
    random.fork('cluster'),
    shape,
    {
      network,
      kv,
      diskErrorRate: shapeRandom.pick([0, 0, 0.0005]),
      diskLatencyMs: () => 0.05 + diskRandom.float() * (diskRandom.chance(0.01) ? 30 : 1.5),
    },
    log,
  );
  const model = new Model(world, cluster);
  const workRandom = random.fork('workload');
  const workload: WorkloadShape = {
    inFlightMax: workRandom.between(1, 8),
    gapMs: () => workRandom.between(1, 60),
    blocksPerAppend: () => workRandom.between(1, 3),
    blockBytes: () => workRandom.between(0, 700),
    extentBytesMax: workRandom.between(2_048, 12_000),
  };
  const budget = { left: workRandom.between(80, 220) };
  const hosts: WriterHost[] = [];
  let hostCount = 0;
  const startHost = (streamId: string): void => {
    const host = new WriterHost(world, cluster, model, workRandom.fork(`host-${hostCount}`), streamId, `ps-${++hostCount}`, workload, budget, log);
    hosts.push(host);
    void host.run();
  };
  // The nemesis's own follow-ups (a new host after a crash) end with the fault window.
  let healing = false;
  const writers: WriterControl = {
    hosts: () => hosts.filter((host) => host.process.up && !host.stoppedByNemesis()),
    startHost: (streamId) => {
      if (!healing) startHost(streamId);
    },
  };

  const onUnhandled = (error: unknown): void => world.fail(error instanceof Error ? error : new Error(String(error)));
  process.on('unhandledRejection', onUnhandled);
  const windowMs = random.fork('window').between(6_000, 20_000);
  let faults: FaultCounts | undefined;
  try {
    let clusterUp = false;
    cluster.start().then(
      () => (clusterUp = true),
      (error: unknown) => world.fail(error as Error),
    );
    while (!clusterUp && !world.failure) await world.run(world.nowMs + 10);
    const creator = new SimProcess('pm-1');
    const manager = cluster.managerClient(creator);
    const streamIds: string[] = [];
    for (let i = 0; i < shape.streams; i++) {
      // As a partition manager would: try again while the stamp cannot place an extent.
      let streamId: string | undefined;
      const create = (): void => {
        manager.createStream(`p-${i}/log`).then(
          (stream) => (streamId = stream.streamId),
          (error: unknown) => {
            world.note(`stream p-${i}/log not created: ${(error as Error).message}`);
            world.schedule(creator, 100, create);
          },
        );
      };
      create();
      const deadline = world.nowMs + 120_000;
      while (streamId === undefined && !world.failure && world.nowMs < deadline) await world.run(world.nowMs + 50);
      if (streamId === undefined) throw new Error('the stamp could not create a stream before any fault');
      streamIds.push(streamId);
    }
    for (const streamId of streamIds) startHost(streamId);
    faults = scheduleFaults({ world, cluster, random: random.fork('nemesis'), writers, windowMs, count: random.fork('fault-count').between(2, 14) });
    let sinceCheck = 0;
    const everyEvent = (): void => {
      if (++sinceCheck >= REPLICA_CHECK_EVERY_EVENTS) {
        sinceCheck = 0;
        model.checkSealedReplicas();
      }
    };
    const started = world.nowMs;
    await world.run(started + windowMs, everyEvent);

    // Heal: every process up and unpaused, every link back; writers finish what they have.
    world.note('heal');
    healing = true;
    network.healAll();
    kv.heal();
    for (const node of cluster.nodes.values()) {
      node.process.pausedUntilMs = 0;
      cluster.restartNode(node);
    }
    for (const entry of cluster.managers) {
      entry.process.pausedUntilMs = 0;
      cluster.restartManager(entry);
    }
    for (const host of hosts) host.process.pausedUntilMs = 0;
    budget.left = 0;
    // Every writer that lives stops and closes (a clean unload); the stamp then has nothing
    // to do but repair, and must converge.
    for (const host of hosts) host.stop();
    const healStarted = world.nowMs;
    const quiet = (): boolean => hosts.every((host) => host.finished || !host.process.up);
    while (!world.failure && !quiet() && world.nowMs - healStarted < HEAL_MS_MAX) await world.run(world.nowMs + 1_000, everyEvent);
    if (!quiet()) world.fail(new Error('writers did not finish after healing'));
    // A last take-over of each stream seals the extent its writers left open, as the next
    // partition server to load the partition would.
    const last = streamIds.map((streamId) => {
      const host = new WriterHost(world, cluster, model, workRandom.fork(`last-${streamId}`), streamId, `ps-last-${streamId}`, workload, budget, log);
      host.openOnly = true;
      void host.run();
      return host;
    });
    while (!world.failure && !last.every((host) => host.finished) && world.nowMs - healStarted < 2 * HEAL_MS_MAX)
      await world.run(world.nowMs + 1_000, everyEvent);
    if (!last.every((host) => host.finished)) world.fail(new Error('the last take-over did not finish after healing'));
    const quietSince = world.nowMs;
    while (!world.failure && world.nowMs - quietSince < HEAL_MS_MAX) {
      await world.run(world.nowMs + 1_000, everyEvent);
      if (world.nowMs - quietSince > 3_000 && model.checkConverged(shape.replicaCount) === undefined) break;
    }
    if (!world.failure) {
      model.convergedOrFail(shape.replicaCount);
      model.checkAckedOnDisks();
      await readBackEverything({ world, cluster, model });
      model.checkSealedReplicas();
    }
  } catch (error) {
    world.fail(error instanceof Error ? error : new Error(String(error)));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  return {
    seed,
    ok: !world.failure,
    ...(world.failure ? { failure: world.failure.message } : {}),
    simulatedMs: Math.round(world.nowMs),
    events: world.events,
    appends: hosts.reduce((sum, host) => sum + host.appended, 0),
    acknowledged: model.acked.length,
    failedAppends: hosts.reduce((sum, host) => sum + host.failed, 0),
    faults: faults ?? { nodeCrashes: 0, nodePauses: 0, linkCuts: 0, managerCrashes: 0, writerCrashes: 0, takeOvers: 0, writerPauses: 0 },
    checks: model.checks,
    shape,
    ...(options.trace ? { trace: world.trace } : {}),
  };
}

/** Reads every acknowledged append back from every replica through the production ExtentReader. */
async function readBackEverything(options: { world: SimWorld; cluster: SimCluster; model: Model }): Promise<void> {
  const { world, cluster, model } = options;
  const reader = new SimProcess('reader');
  const extentReader = new ExtentReader(new SimExtentNodes(cluster.network, reader, cluster));
  const reads = (async () => {
    for (const append of model.acked) {
      const record = model.extent(append.extentId)!;
      for (const nodeId of record.replicas) {
        const address = cluster.addressOf(nodeId) ?? '';
        const replica = { nodeId, address, dataAddress: address, healthy: true };
        const extent = {
          extentId: append.extentId,
          replicas: [replica],
          sealed: record.sealed,
          sealedLengthBytes: record.sealedLengthBytes,
          lengthBytes: 0,
          holds: [],
        };
        const payloads: Buffer[] = [];
        try {
          for await (const block of extentReader.readRange({ extent, offset: append.offset, lengthBytes: append.end - append.offset }))
            payloads.push(joinParts(block.parts));
          model.readBack(append, nodeId, payloads);
        } catch (error) {
          if (error instanceof Error && error.name === 'InvariantViolation') throw error;
          model.readBack(append, nodeId, undefined, error instanceof Error ? error.message : String(error));
        }
      }
    }
  })();
  let done = false;
  reads.then(
    () => (done = true),
    (error: unknown) => world.fail(error as Error),
  );
  while (!done && !world.failure) await world.run(world.nowMs + 1_000);
}

export { INVARIANTS };
