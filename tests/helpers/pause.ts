/**
 * Time that passes on purpose: pacing a load (a reader with nothing to read yet, a round every
 * 200 ms), holding a fault for as long as the scenario says (etcd down for 6 s), or a
 * measurement window. Never a wait for something to happen: that is `waitFor`, with a
 * deadline (the house-style test allows timers in tests only here).
 */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
