import { systemClock, rethrowIfAssertion } from '@strata/common';
import { LaunchError } from './launch-error.js';

/**
 * Waits until the front-end says the stamp serves: it has a partition map whose partitions
 * have live owners that answer. Polls its readiness endpoint, which S3 clients never reach
 * ("_" cannot start a bucket name).
 */
export async function waitUntilServing(s3Endpoint: string, timeoutMs: number): Promise<void> {
  const deadline = systemClock.monotonicMs() + timeoutMs;
  let last = 'no answer';
  while (systemClock.monotonicMs() < deadline) {
    try {
      const response = await fetch(`${s3Endpoint}/_strata/ready`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      rethrowIfAssertion(error);
      last = (error as Error).message;
    }
    await systemClock.sleep(200);
  }
  throw new LaunchError(`the stamp did not start serving within ${timeoutMs} ms (last readiness answer: ${last})`);
}
