import { describe, expect, it } from 'vitest';
import { seededRandom, topShare, uniformDraws, zipfDraws } from './key-choice.js';

describe('zipfDraws', () => {
  it('gives the same keys for the same seed, and other keys for another seed', () => {
    const plan = { objects: 1000, count: 500, exponent: 1.1, seed: 15 };
    expect(zipfDraws(plan)).toEqual(zipfDraws(plan));
    expect(zipfDraws({ ...plan, seed: 16 })).not.toEqual(zipfDraws(plan));
  });

  it('sends most reads to a few keys, object 0 the hottest, in the share Zipf s = 1.1 predicts', () => {
    const draws = zipfDraws({ objects: 1000, count: 50_000, exponent: 1.1, seed: 15 });
    expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k < 1000)).toBe(true);
    const harmonic = Array.from({ length: 1000 }, (_, k) => 1 / (k + 1) ** 1.1).reduce((a, b) => a + b, 0);
    const zeros = draws.filter((k) => k === 0).length / draws.length;
    expect(zeros).toBeCloseTo(1 / harmonic, 2);
    expect(topShare(draws, 10)).toBeGreaterThan(0.4);
  });
});

describe('uniformDraws', () => {
  it('spreads draws over every object', () => {
    const draws = uniformDraws({ objects: 10, count: 10_000, seed: 1 });
    const counts = Array.from({ length: 10 }, (_, k) => draws.filter((d) => d === k).length);
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(topShare(draws, 1)).toBeLessThan(0.12);
  });
});

describe('seededRandom', () => {
  it('returns numbers in [0, 1)', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 1000 }, random);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
