/** Latency summary of a phase in milliseconds. */
export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of `samples` (not modified). Zeros for an empty set. */
export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return { p50: 0, p99: 0, max: 0, mean: 0 };
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  let total = 0;
  for (const value of sorted) total += value;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]!, mean: total / sorted.length };
}

export const MIB = 1024 * 1024;
