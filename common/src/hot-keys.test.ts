import { describe, expect, it } from 'vitest';
import { ManualClock } from './testing/manual-clock.js';
import { HotKeys } from './hot-keys.js';

describe('HotKeys', () => {
  it('makes a key hot at its readsMin-th read in a window, keeps it hot through the next window, and cold after a quiet one', async () => {
    const clock = new ManualClock({ startMs: 1_000 });
    const hot = new HotKeys({ clock, windowMs: 500, readsMin: 3, tracked: 10 });
    expect([hot.read('k'), hot.read('k'), hot.read('k')]).toEqual([false, false, true]);
    await clock.advance(500); // a new window: the last one's 3 reads keep the key hot
    expect(hot.read('k')).toBe(true);
    await clock.advance(500); // the window before had 1 read: cold until 3 again
    expect([hot.read('k'), hot.read('k'), hot.read('k')]).toEqual([false, false, true]);
    await clock.advance(1_000); // a whole window without a read: cold
    expect(hot.read('k')).toBe(false);
  });

  it('tracks at most `tracked` keys, the least recently counted going first', () => {
    const clock = new ManualClock({ startMs: 1_000 });
    const hot = new HotKeys({ clock, windowMs: 500, readsMin: 2, tracked: 2 });
    hot.read('a');
    hot.read('b');
    hot.read('c');
    expect(hot.size).toBe(2);
    expect(hot.read('a'), 'a was dropped: its count began again').toBe(false);
    expect(hot.read('c')).toBe(true);
  });
});
