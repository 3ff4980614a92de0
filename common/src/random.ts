import { randomBytes, randomInt } from 'node:crypto';

/** Randomness, injected so tests can seed it. */
export interface Random {
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  bytes(count: number): Buffer;
}

export const systemRandom: Random = {
  int: (maxExclusive) => randomInt(maxExclusive),
  bytes: (count) => randomBytes(count),
};

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
