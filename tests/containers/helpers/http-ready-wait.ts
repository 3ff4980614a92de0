import type Dockerode from 'dockerode';
import type { BoundPorts, WaitStrategy } from 'testcontainers';
import { systemClock } from '@strata/common';

const POLL_INTERVAL_MS = 250;
const ATTEMPT_TIMEOUT_MS = 3_000;

/**
 * Waits until `url`, reached from this host, answers 200 — a role's readiness probe or etcd's
 * /health. For containers on the host's network, where testcontainers' own Wait.forHttp has no
 * port mapping to look at. Fails at once, with the container's last log lines, if the container
 * exits while it waits.
 */
export class HttpReadyWait implements WaitStrategy {
  private startupTimeoutMs = 120_000;
  private timeoutSet = false;

  constructor(private readonly url: string) {}

  async waitUntilReady(container: Dockerode.Container, _boundPorts: BoundPorts): Promise<void> {
    const deadline = systemClock.monotonicMs() + this.startupTimeoutMs;
    let last = 'no answer';
    while (systemClock.monotonicMs() < deadline) {
      const state = (await container.inspect()).State;
      if (!state.Running) {
        const logs = (await container.logs({ stdout: true, stderr: true, tail: 15 })).toString('utf8');
        throw new Error(`container ${container.id.slice(0, 12)} exited (code ${state.ExitCode}) before ${this.url} answered:\n${logs}`);
      }
      try {
        const response = await fetch(this.url, { signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
        if (response.ok) return;
        last = `${response.status} ${(await response.text()).trim()}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await systemClock.sleep(POLL_INTERVAL_MS);
    }
    throw new Error(`${this.url} did not answer 200 within ${this.startupTimeoutMs} ms (last: ${last})`);
  }

  withStartupTimeout(startupTimeoutMs: number): this {
    this.startupTimeoutMs = startupTimeoutMs;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.startupTimeoutMs;
  }
}
