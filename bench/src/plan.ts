/** One object size of the bench: a PUT phase then a GET phase of `count` objects. */
export interface SizePlan {
  label: string;
  sizeBytes: number;
  concurrency: number;
  count: number;
}

/**
 * A phase of 4 KiB requests over the first `objects` keys of the 4 KiB PUT phase, keys drawn
 * from a seeded generator so every server gets the same sequence.
 */
export interface KeyedPlan {
  objects: number;
  requests: number;
  concurrency: number;
  seed: number;
}

/** What one run does against each server. */
export interface BenchPlan {
  name: 'full' | 'quick';
  sizes: SizePlan[];
  /** Hot-key GETs: keys by Zipf's law (rank k read in proportion to 1/k^exponent), the CDN-origin thundering herd. */
  zipf: KeyedPlan & { exponent: number };
  /** Mixed GETs and PUTs (overwrites) of uniformly drawn keys; `putShare` of the requests are PUTs. */
  mixed: KeyedPlan & { putShare: number };
  /** Keys created (empty objects) and then listed with ListObjectsV2, on servers that list. */
  listKeys: number;
  /** Concurrency of the PUT loop that creates the keys to list. */
  listCreateConcurrency: number;
  /** A phase stops sending after this long and reports what completed (and that it was cut). */
  phaseDeadlineMs: number;
  /** Creating the keys to list, and listing them, each stop after this long. */
  listDeadlineMs: number;
}

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Sized so the whole run (six servers, one after the other, plus listing 100k keys twice)
 * takes about twenty minutes on a 2-core machine; every phase still runs long enough (seconds,
 * thousands of small requests) for p99 to mean something.
 */
export const FULL_PLAN: BenchPlan = {
  name: 'full',
  sizes: [
    { label: '4 KiB', sizeBytes: 4 * KIB, concurrency: 32, count: 4000 },
    { label: '1 MiB', sizeBytes: MIB, concurrency: 16, count: 500 },
    { label: '64 MiB', sizeBytes: 64 * MIB, concurrency: 2, count: 12 },
  ],
  zipf: { objects: 1000, requests: 8000, concurrency: 32, seed: 15, exponent: 1.1 },
  mixed: { objects: 1000, requests: 4000, concurrency: 32, seed: 16, putShare: 0.1 },
  listKeys: 100_000,
  listCreateConcurrency: 64,
  phaseDeadlineMs: 90_000,
  // s3rver rereads its whole bucket for every page, so 100k keys take it about two minutes.
  listDeadlineMs: 240_000,
};

/** A smoke run of about a minute: every phase and check, small counts. */
export const QUICK_PLAN: BenchPlan = {
  name: 'quick',
  sizes: [
    { label: '4 KiB', sizeBytes: 4 * KIB, concurrency: 32, count: 200 },
    { label: '1 MiB', sizeBytes: MIB, concurrency: 16, count: 32 },
    { label: '64 MiB', sizeBytes: 64 * MIB, concurrency: 2, count: 2 },
  ],
  zipf: { objects: 200, requests: 400, concurrency: 32, seed: 15, exponent: 1.1 },
  mixed: { objects: 200, requests: 200, concurrency: 32, seed: 16, putShare: 0.1 },
  listKeys: 2000,
  listCreateConcurrency: 64,
  phaseDeadlineMs: 20_000,
  listDeadlineMs: 30_000,
};
