import { setTimeout as sleep } from 'node:timers/promises';

/** How often a condition is polled: short enough for fast tests, long enough not to spin. */
const POLL_MS = 25;

/**
 * Waits until `check` returns a value other than undefined or false, and returns it; fails
 * after `timeoutMs` naming `what` and the last error `check` threw, if any. The one
 * wait-for-condition helper of the suite: tests wait on conditions with deadlines, never on
 * fixed sleeps. Real time on purpose: it waits for processes and I/O outside the test.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(POLL_MS);
  }
}
