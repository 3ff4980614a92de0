import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.js';

describe('ManualClock', () => {
  it('fires sleeps and timers in due order, ties in arming order, only when time moves', async () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    void clock.sleep(30).then(() => fired.push('sleep 30'));
    clock.after(10, () => fired.push('after 10 a'));
    clock.after(10, () => fired.push('after 10 b'));
    await clock.advance(5);
    expect(fired).toEqual([]);
    await clock.advance(25);
    expect(fired).toEqual(['after 10 a', 'after 10 b', 'sleep 30']);
    expect(clock.monotonicMs()).toBe(30);
  });

  it('repeats an every() timer until it is cancelled', async () => {
    const clock = new ManualClock();
    let ticks = 0;
    const timer = clock.every(100, () => ticks++);
    await clock.advance(350);
    expect(ticks).toBe(3);
    timer.cancel();
    await clock.advance(1_000);
    expect(ticks).toBe(3);
    expect(clock.armed).toBe(0);
  });

  it('fires timers that callbacks arm within the advanced window', async () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    clock.after(10, () => clock.after(10, () => fired.push(clock.monotonicMs())));
    await clock.advance(25);
    expect(fired).toEqual([20]);
  });

  it('rejects a sleep whose signal aborts, and never fires it', async () => {
    const clock = new ManualClock();
    const abort = new AbortController();
    const slept = clock.sleep(50, abort.signal);
    abort.abort(new Error('stopped'));
    await expect(slept).rejects.toThrow('stopped');
    expect(clock.armed).toBe(0);
  });

  it('reads wall time as its epoch plus monotonic time', async () => {
    const clock = new ManualClock({ epochMs: 1_000_000 });
    await clock.advance(42);
    expect(clock.nowMs()).toBe(1_000_042);
  });
});
