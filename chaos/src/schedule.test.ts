import { describe, expect, it } from 'vitest';
import { EXTENT_NODES_DOWN_MAX, planSchedule, type PlannedFault } from './schedule.js';
import { SeededRandom } from './seeded-random.js';

/** Faults that leave an extent node unable to take new extents while they last. */
const extentNodeFault = (fault: PlannedFault): boolean => ['kill-extent-node', 'pause-extent-node', 'fill-disk'].includes(fault.kind);

describe('planSchedule', () => {
  it('gives the same schedule for the same seed, and another for another seed', () => {
    const options = { seed: 42, durationMs: 600_000, flipByte: true, fillDisk: true, restartEtcd: true };
    expect(planSchedule(options)).toEqual(planSchedule(options));
    expect(planSchedule({ ...options, seed: 43 })).not.toEqual(planSchedule(options));
  });

  it('plans only the faults whose flags are given', () => {
    const plain = planSchedule({ seed: 1, durationMs: 1_800_000 }).map((f) => f.kind);
    expect(plain).not.toContain('flip-byte');
    expect(plain).not.toContain('fill-disk');
    expect(plain).not.toContain('restart-etcd');
    const all = new Set(planSchedule({ seed: 1, durationMs: 1_800_000, flipByte: true, fillDisk: true, restartEtcd: true }).map((f) => f.kind));
    expect([...all].sort()).toEqual([
      'fill-disk',
      'flip-byte',
      'kill-extent-node',
      'kill-front-end',
      'kill-partition-manager-leader',
      'kill-partition-server',
      'kill-stream-manager-leader',
      'pause-extent-node',
      'pause-partition-manager-leader',
      'pause-partition-server',
      'pause-stream-manager-leader',
      'restart-etcd',
    ]);
  });

  it('keeps at most two extent nodes down (or full) at a time and hits every chain position', () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      const faults = planSchedule({ seed, durationMs: 1_800_000, fillDisk: seed % 2 === 0 });
      for (const fault of faults.filter(extentNodeFault)) {
        const overlapping = faults.filter((other) => extentNodeFault(other) && other.atMs <= fault.atMs && other.atMs + other.healAfterMs > fault.atMs);
        expect(overlapping.length, `seed ${seed} at ${fault.atMs} ms`).toBeLessThanOrEqual(EXTENT_NODES_DOWN_MAX);
      }
      const positions = new Set(faults.filter((f) => f.kind === 'kill-extent-node').map((f) => f.position));
      expect([...positions].sort()).toEqual(['any', 'head', 'middle', 'tail']);
    }
  });

  it('fits at least twenty extent-node kills into ten minutes, and pauses that outlast a 5 s lease', () => {
    const faults = planSchedule({ seed: 42, durationMs: 600_000 });
    expect(faults.filter((f) => f.kind === 'kill-extent-node').length).toBeGreaterThanOrEqual(20);
    for (const pause of faults.filter((f) => f.kind.startsWith('pause-'))) expect(pause.healAfterMs).toBeGreaterThan(5_000);
    expect(faults.every((f, i) => i === 0 || f.atMs > faults[i - 1]!.atMs)).toBe(true);
    expect(faults.at(-1)!.atMs).toBeLessThan(600_000);
  });
});

describe('SeededRandom', () => {
  it('draws the same numbers from the same seed and label, other numbers from another label', () => {
    const draws = (seed: number, label: string): number[] =>
      Array.from(
        { length: 5 },
        (
          (random) => () =>
            random.int(1_000_000)
        )(new SeededRandom(seed, label)),
      );
    expect(draws(7, 'a')).toEqual(draws(7, 'a'));
    expect(draws(7, 'a')).not.toEqual(draws(7, 'b'));
    expect(new SeededRandom(7).bytes(10)).toEqual(new SeededRandom(7).bytes(10));
  });

  it('stays within its ranges', () => {
    const random = new SeededRandom(99);
    for (let i = 0; i < 10_000; i++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      const between = random.between(3, 5);
      expect(between >= 3 && between <= 5).toBe(true);
    }
  });
});
