import { SeededRandom } from './seeded-random.js';

export const FAULT_KINDS = [
  'kill-extent-node',
  'pause-extent-node',
  'kill-partition-server',
  'pause-partition-server',
  'kill-stream-manager-leader',
  'pause-stream-manager-leader',
  'kill-partition-manager-leader',
  'pause-partition-manager-leader',
  'kill-front-end',
  'flip-byte',
  'fill-disk',
  'restart-etcd',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Which member of an open extent's chain an extent-node fault hits; `any` is any live node. */
export type ChainPosition = 'head' | 'middle' | 'tail' | 'any';

export interface PlannedFault {
  /** Milliseconds after the nemesis starts. */
  atMs: number;
  kind: FaultKind;
  position?: ChainPosition;
  /** A draw in [0, 1) that picks the target among the candidates the cluster offers then. */
  pick: number;
  /** How long the fault lasts before it is healed (restart, SIGCONT, ballast removed); 0 when nothing heals it. */
  healAfterMs: number;
}

export interface ScheduleOptions {
  seed: number;
  durationMs: number;
  flipByte?: boolean;
  fillDisk?: boolean;
  restartEtcd?: boolean;
}

/** Extent nodes down (killed, paused or full) at once, at most: three of five still take a new extent. */
export const EXTENT_NODES_DOWN_MAX = 2;
/** Leases of extent nodes, partition servers and managers are 5 s; a pause outlasts them. */
const PAUSE_MS: [number, number] = [6_500, 9_500];
/** Gap between the starts of two faults. */
const GAP_MS: [number, number] = [2_000, 6_000];
/** The first fault comes after this much load, the last at least this long before the end. */
const MARGIN_MS = 3_000;
/** What a process takes to come back after its restart is asked, for planning: a fault's slot is held this much longer. */
const RESTART_ALLOWANCE_MS = 8_000;
/** Kinds are drawn again this many times when the drawn kind's slots are all taken. */
const REDRAWS_MAX = 8;

interface KindSpec {
  weight: number;
  /** What it occupies while it lasts, and how many of those may be out at once. */
  slot: 'extent-node' | 'partition-server' | 'stream-manager' | 'partition-manager' | 'front-end' | 'etcd' | 'none';
  healMs: [number, number];
  flag?: 'flipByte' | 'fillDisk' | 'restartEtcd';
}

const KINDS: Record<FaultKind, KindSpec> = {
  'kill-extent-node': { weight: 32, slot: 'extent-node', healMs: [2_000, 12_000] },
  'pause-extent-node': { weight: 5, slot: 'extent-node', healMs: PAUSE_MS },
  'kill-partition-server': { weight: 10, slot: 'partition-server', healMs: [2_000, 10_000] },
  'pause-partition-server': { weight: 5, slot: 'partition-server', healMs: PAUSE_MS },
  'kill-stream-manager-leader': { weight: 6, slot: 'stream-manager', healMs: [2_000, 8_000] },
  'pause-stream-manager-leader': { weight: 3, slot: 'stream-manager', healMs: PAUSE_MS },
  'kill-partition-manager-leader': { weight: 6, slot: 'partition-manager', healMs: [2_000, 8_000] },
  'pause-partition-manager-leader': { weight: 3, slot: 'partition-manager', healMs: PAUSE_MS },
  'kill-front-end': { weight: 6, slot: 'front-end', healMs: [1_000, 6_000] },
  'flip-byte': { weight: 6, slot: 'none', healMs: [0, 0], flag: 'flipByte' },
  // A full node takes no new extents: for placement it is as good as down, so it takes an extent-node slot.
  'fill-disk': { weight: 4, slot: 'extent-node', healMs: [10_000, 25_000], flag: 'fillDisk' },
  'restart-etcd': { weight: 3, slot: 'etcd', healMs: [1_000, 4_000], flag: 'restartEtcd' },
};

const SLOTS_MAX: Record<KindSpec['slot'], number> = {
  'extent-node': EXTENT_NODES_DOWN_MAX,
  'partition-server': 1,
  'stream-manager': 1,
  'partition-manager': 1,
  'front-end': 1,
  etcd: 1,
  none: Number.POSITIVE_INFINITY,
};

export const slotOf = (kind: FaultKind): KindSpec['slot'] => KINDS[kind].slot;
export const slotsMax = (kind: FaultKind): number => SLOTS_MAX[KINDS[kind].slot];

const POSITIONS: readonly ChainPosition[] = ['head', 'middle', 'tail', 'any'];

/**
 * The nemesis's schedule: a pure function of the options, so the same seed gives the same
 * faults at the same times (which node a chain-position fault hits is resolved when it fires,
 * from the chain the cluster has then). Faults start every 2–6 s; no more than two extent nodes
 * (a full one counts) and one of each other kind of process are planned down at once, counting
 * the time a restart takes.
 */
export function planSchedule(options: ScheduleOptions): PlannedFault[] {
  const random = new SeededRandom(options.seed, 'nemesis');
  const kinds = FAULT_KINDS.filter((kind) => !KINDS[kind].flag || options[KINDS[kind].flag!]).map((kind) => ({ item: kind, weight: KINDS[kind].weight }));
  const busyUntil: { slot: KindSpec['slot']; untilMs: number }[] = [];
  const faults: PlannedFault[] = [];
  for (let atMs = MARGIN_MS; atMs <= options.durationMs - MARGIN_MS; atMs += random.between(...GAP_MS)) {
    for (let draw = 0; draw < REDRAWS_MAX; draw++) {
      const kind = random.weighted(kinds);
      const spec = KINDS[kind];
      const busy = busyUntil.filter((entry) => entry.slot === spec.slot && entry.untilMs > atMs).length;
      if (busy >= SLOTS_MAX[spec.slot]) continue;
      const healAfterMs = random.between(...spec.healMs);
      const fault: PlannedFault = { atMs, kind, pick: random.next(), healAfterMs };
      if (spec.slot === 'extent-node' && kind.startsWith('kill')) fault.position = POSITIONS[random.int(POSITIONS.length)]!;
      faults.push(fault);
      busyUntil.push({ slot: spec.slot, untilMs: atMs + healAfterMs + (kind.startsWith('pause') ? 0 : RESTART_ALLOWANCE_MS) });
      break;
    }
  }
  return faults;
}
