import { afterEach, describe, expect, it } from 'vitest';
import { ExtentFile } from '../extent-node/extent-file.js';
import { runSeed } from './run-seed.js';
import { describeSummary, runSeeds } from './run-seeds.js';

/** Seeds per CI run (STRATA_SIM_SEEDS to change), split between the two halves below. */
const SEEDS = Number(process.env.STRATA_SIM_SEEDS ?? 2_000);
const FROM = Number(process.env.STRATA_SIM_FROM ?? 1);

describe('the replication protocol under a seeded simulation', () => {
  // Two halves, so the two workers of a 2-core machine share them.
  for (const [half, from, count] of [
    ['first', FROM, Math.ceil(SEEDS / 2)],
    ['second', FROM + Math.ceil(SEEDS / 2), Math.floor(SEEDS / 2)],
  ] as const) {
    it(`keeps every invariant over the ${half} half of ${SEEDS} seeds (crashes, torn writes, pauses, cut links, lost messages, take-overs)`, async () => {
      const summary = await runSeeds({ from, count });
      process.stdout.write(`${describeSummary(summary)}\n`);
      expect(summary.failures).toEqual([]);
      expect(summary.seeds).toBe(count);
      // The runs did what they are for: faults were injected and acknowledged appends checked.
      expect(summary.acknowledged).toBeGreaterThan(count * 20);
      expect(summary.faults.nodeCrashes).toBeGreaterThan(count / 2);
      expect(summary.checks.ackDurable).toBeGreaterThan(count * 20);
      expect(summary.checks.ackReadable).toBeGreaterThan(count * 20);
    }, 600_000);
  }
});

describe('a simulation run', () => {
  it('replays exactly from its seed', async () => {
    const first = await runSeed(4242, { trace: true });
    const second = await runSeed(4242, { trace: true });
    expect(first.ok).toBe(true);
    expect(second.events).toBe(first.events);
    expect(second.trace).toEqual(first.trace);
  });

  describe('with the freeze bug put back (a freeze that does not wait for appends it accepted)', () => {
    const freeze = Object.getOwnPropertyDescriptor(ExtentFile.prototype, 'freeze')!;
    afterEach(() => Object.defineProperty(ExtentFile.prototype, 'freeze', freeze));

    it('finds it within a few hundred seeds', async () => {
      // The old freeze: reads the durable length once the writes queued so far are written,
      // without waiting for appends between their write and their sync.
      Object.defineProperty(ExtentFile.prototype, 'freeze', {
        ...freeze,
        value: async function (this: { state: string; writeChain: Promise<void>; durable: number }) {
          if (this.state === 'open') this.state = 'frozen';
          await this.writeChain.catch(() => undefined);
          return this.durable;
        },
      });
      const summary = await runSeeds({ from: 1, count: 400 });
      expect(summary.failures.length).toBeGreaterThan(0);
      expect(summary.failures[0]!.failure).toMatch(/ackWithinSeal|ackDurable|after a freeze|in flight once frozen/);
    }, 600_000);
  });
});
