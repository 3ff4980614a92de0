import { describe, expect, it } from 'vitest';
import type { Random } from '@strata/common';
import { placeChain } from './placement.js';

/** A seeded generator (mulberry32) so each case is repeatable. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (max) => Math.floor(next() * max), bytes: (count) => Buffer.from(Array.from({ length: count }, () => Math.floor(next() * 256))) };
}

const node = (nodeId: string, faultDomain: string) => ({ nodeId, address: `${nodeId}:1`, faultDomain });

describe('placeChain', () => {
  it('puts a chain on distinct nodes in distinct fault domains when there are enough domains', () => {
    const nodes = [node('a1', 'A'), node('a2', 'A'), node('b1', 'B'), node('b2', 'B'), node('c1', 'C')];
    for (let seed = 0; seed < 200; seed++) {
      const chain = placeChain({ nodes, count: 3, random: seeded(seed) });
      expect(new Set(chain.map((n) => n.nodeId)).size).toBe(3);
      expect(new Set(chain.map((n) => n.faultDomain)).size).toBe(3);
    }
  });

  it('uses every domain before reusing one when domains are fewer than replicas', () => {
    const nodes = [node('a1', 'A'), node('a2', 'A'), node('b1', 'B'), node('b2', 'B')];
    for (let seed = 0; seed < 100; seed++) {
      const domains = placeChain({ nodes, count: 3, random: seeded(seed) }).map((n) => n.faultDomain);
      expect(new Set(domains)).toEqual(new Set(['A', 'B']));
    }
  });

  it('spreads chains over all nodes', () => {
    const nodes = [node('n1', '1'), node('n2', '2'), node('n3', '3'), node('n4', '4'), node('n5', '5')];
    const used = new Set<string>();
    const random = seeded(7);
    for (let i = 0; i < 50; i++) for (const n of placeChain({ nodes, count: 3, random })) used.add(n.nodeId);
    expect(used.size).toBe(5);
  });

  it('refuses with NOT_ENOUGH_NODES rather than placing two replicas on one node', () => {
    expect(() => placeChain({ nodes: [node('a', 'A'), node('b', 'B')], count: 3, random: seeded(1) })).toThrow(
      expect.objectContaining({ code: 'NOT_ENOUGH_NODES' }),
    );
    const nodes = [node('a', 'A'), node('b', 'B'), node('c', 'C')];
    expect(() => placeChain({ nodes, count: 3, random: seeded(1), exclude: new Set(['c']) })).toThrow(expect.objectContaining({ code: 'NOT_ENOUGH_NODES' }));
  });
});
