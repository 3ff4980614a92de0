/**
 * Helpers for tests of every layer (`@strata/common/testing`): never imported by `src/` code
 * outside tests.
 */
export { ManualClock } from './manual-clock.js';
export { waitFor } from './wait-for.js';
