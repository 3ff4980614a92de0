import type { Random } from '@strata/common';

/** splitmix32: spreads a 32-bit seed over the generator's state words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a label, so each named stream of a seed draws its own numbers. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * A deterministic generator (xoshiro128**): the same seed and label give the same numbers on
 * every machine, which is what makes a chaos run's schedule reproducible. Not for secrets.
 */
export class SeededRandom implements Random {
  private readonly s = new Uint32Array(4);

  constructor(seed: number, label = '') {
    const next = splitmix32((seed >>> 0) ^ hashLabel(label));
    for (let i = 0; i < 4; i++) this.s[i] = next();
    if (this.s.every((word) => word === 0)) this.s[0] = 1;
  }

  /** The next 32 random bits. */
  private nextWord(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextWord() / 0x1_0000_0000;
  }

  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** An integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  /** One of `items`, chosen by `weight`; throws on an empty list. */
  weighted<T>(items: readonly { item: T; weight: number }[]): T {
    const total = items.reduce((sum, entry) => sum + entry.weight, 0);
    if (items.length === 0 || total <= 0) throw new Error('weighted: nothing to choose from');
    let draw = this.next() * total;
    for (const entry of items) {
      draw -= entry.weight;
      if (draw < 0) return entry.item;
    }
    return items.at(-1)!.item;
  }

  bytes(count: number): Buffer {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i += 4) {
      const word = this.nextWord();
      for (let j = 0; j < 4 && i + j < count; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
