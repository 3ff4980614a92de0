/**
 * Seeded key choices for the keyed phases: every server of a run, and every run, gets the same
 * sequence of keys from the same seed.
 */

/** A small, fast, seeded generator of uniform numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `count` draws from {0, …, objects − 1} by Zipf's law: object k (rank k + 1) is drawn with
 * probability proportional to 1 / (k + 1)^exponent, so object 0 is the hottest. Inverse CDF over
 * the exact distribution (no approximation), binary-searched per draw.
 */
export function zipfDraws(options: { objects: number; count: number; exponent: number; seed: number }): number[] {
  const { objects, count, exponent } = options;
  const cumulative = new Float64Array(objects);
  let total = 0;
  for (let k = 0; k < objects; k++) cumulative[k] = total += 1 / (k + 1) ** exponent;
  const random = seededRandom(options.seed);
  return Array.from({ length: count }, () => {
    const target = random() * total;
    let low = 0;
    let high = objects - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  });
}

/** `count` uniform draws from {0, …, objects − 1}. */
export function uniformDraws(options: { objects: number; count: number; seed: number }): number[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.count }, () => Math.min(options.objects - 1, Math.floor(random() * options.objects)));
}

/** The share of `draws` that went to the `top` most drawn objects: how hot the hot keys are. */
export function topShare(draws: number[], top: number): number {
  const counts = new Map<number, number>();
  for (const draw of draws) counts.set(draw, (counts.get(draw) ?? 0) + 1);
  const hottest = [...counts.values()].sort((a, b) => b - a).slice(0, top);
  return draws.length ? hottest.reduce((sum, n) => sum + n, 0) / draws.length : 0;
}
