/** One object size of the bench: a PUT phase then a GET phase of `count` objects. */
export interface SizePlan {
  label: string;
  sizeBytes: number;
  concurrency: number;
  count: number;
}

/** What one run does against each server. */
export interface BenchPlan {
  name: 'full' | 'quick';
  sizes: SizePlan[];
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
 * Sized so the whole run (four servers, one after the other, plus listing 100k keys twice)
 * takes about ten minutes on a 2-core machine; every phase still runs long enough (seconds,
 * thousands of small requests) for p99 to mean something.
 */
export const FULL_PLAN: BenchPlan = {
  name: 'full',
  sizes: [
    { label: '4 KiB', sizeBytes: 4 * KIB, concurrency: 32, count: 4000 },
    { label: '1 MiB', sizeBytes: MIB, concurrency: 16, count: 500 },
    { label: '64 MiB', sizeBytes: 64 * MIB, concurrency: 2, count: 12 },
  ],
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
  listKeys: 2000,
  listCreateConcurrency: 64,
  phaseDeadlineMs: 20_000,
  listDeadlineMs: 30_000,
};
