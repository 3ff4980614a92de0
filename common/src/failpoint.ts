import { systemClock, type Clock } from './clock.js';

/**
 * Named failure points on the durable path (after etcd's gofail). Each layer declares its
 * names as a union; a point is a no-op unless armed through `STRATA_FAILPOINTS`, a
 * `;`-separated list of `name=action` where action is `crash` (SIGKILL this process),
 * `error` (throw) or `delay:MS`.
 */
export class Failpoints<Name extends string> {
  private readonly armed = new Map<string, string>();

  constructor(
    spec: string | undefined,
    private readonly clock: Clock = systemClock,
  ) {
    for (const entry of (spec ?? '').split(';')) {
      const [name, action] = entry.split('=');
      if (name && action) this.armed.set(name.trim(), action.trim());
    }
  }

  /** Fires the point `name` if armed; resolves at once otherwise. */
  async hit(name: Name): Promise<void> {
    const action = this.armed.get(name);
    if (action === undefined) return;
    if (action === 'crash') {
      process.kill(process.pid, 'SIGKILL');
      await this.clock.sleep(60_000); // SIGKILL is delivered before this ends; never continue past a crash
    } else if (action === 'error') {
      throw new Error(`failpoint ${name}`);
    } else if (action.startsWith('delay:')) {
      await this.clock.sleep(Number(action.slice('delay:'.length)));
    }
  }
}
