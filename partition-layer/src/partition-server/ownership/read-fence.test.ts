import { describe, expect, it } from 'vitest';
import { ManualClock } from '@strata/common/testing';
import type { partitionV1 } from '@strata/protos';
import { HANDOVER_MARGIN_MS, MAP_FRESH_MS } from '../../limits.js';
import { ReadFence } from './read-fence.js';

/** A clock that moves only when told to: the fence is arithmetic on monotonic times. */
const manualClock = (): ManualClock => new ManualClock({ startMs: 10_000 });

const assignment = (ownerId: string, previousOwnerId: string | undefined): partitionV1.Partition__Output =>
  ({ partitionId: 'p-2', lowKey: '', highKey: '', ownerId, generation: 2, streams: null, previousOwnerId }) as partitionV1.Partition__Output;

describe('ReadFence', () => {
  it('serves only while the last confirmed read of the map began less than MAP_FRESH_MS ago', async () => {
    const clock = manualClock();
    const fence = new ReadFence({ clock, serverId: 'ps-1', leaseValidForMs: () => 5_000 });
    expect(() => fence.check(), 'nothing confirmed yet').toThrow(/cannot confirm/);
    const from = clock.monotonicMs();
    await clock.advance(200); // the read took 200 ms: the fence counts from when it began
    fence.confirmed(from);
    expect(() => fence.check()).not.toThrow();
    await clock.advance(MAP_FRESH_MS - 201);
    expect(() => fence.check()).not.toThrow();
    await clock.advance(1);
    expect(() => fence.check()).toThrow(expect.objectContaining({ code: 'NOT_OWNER' }));
    // A read that began earlier and finished late never moves the fence back.
    fence.confirmed(from - 1_000);
    expect(fence.stale()).toBe(true);
    fence.confirmed(clock.monotonicMs());
    expect(fence.stale()).toBe(false);
  });

  it('serves nothing when the lease may lapse, however fresh the map', async () => {
    const clock = manualClock();
    let leaseMs = 5_000;
    const fence = new ReadFence({ clock, serverId: 'ps-1', leaseValidForMs: () => leaseMs });
    fence.confirmed(clock.monotonicMs());
    leaseMs = 999;
    expect(() => fence.check()).toThrow(/lease/);
  });

  it("makes a new owner wait out its previous owner's fence, unless there was none or it was itself", async () => {
    const clock = manualClock();
    const fence = new ReadFence({ clock, serverId: 'ps-2', leaseValidForMs: () => 5_000 });
    expect(fence.handoverEndsMs(assignment('ps-2', ''))).toBe(0);
    expect(fence.handoverEndsMs(assignment('ps-2', undefined)), 'a map entry written before the field existed').toBe(0);
    expect(fence.handoverEndsMs(assignment('ps-2', 'ps-2')), 'a split or merge by this server').toBe(0);
    const readAt = clock.monotonicMs();
    const ends = fence.handoverEndsMs(assignment('ps-2', 'ps-1'));
    expect(ends).toBe(readAt + MAP_FRESH_MS + HANDOVER_MARGIN_MS);
    // The old owner's last confirmed read began before the assignment (it still saw itself as
    // owner), so it stopped serving by readAt + MAP_FRESH_MS at the latest: before `ends`.
    const old = new ReadFence({ clock, serverId: 'ps-1', leaseValidForMs: () => 5_000 });
    old.confirmed(readAt - 1);
    await clock.advance(ends - readAt);
    expect(() => old.check()).toThrow(/cannot confirm/);
  });
});
