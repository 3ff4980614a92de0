import { describe, expect, it } from 'vitest';
import { MemoryWatch, peakByRole } from './memory-watch.js';

describe('MemoryWatch', () => {
  it('keeps the peak resident memory of every live process and skips the gone ones', async () => {
    const processes = [
      { role: 'front-end', id: 'fe-1', pid: process.pid, address: '' },
      { role: 'extent-node', id: 'en-1', pid: 2 ** 22 + 1, address: '' },
    ];
    const watch = new MemoryWatch(() => processes);
    await watch.sample();
    const peaks = await watch.stop();
    expect(peaks.map((peak) => peak.id)).toEqual(['fe-1']);
    expect(peaks[0]!.peakMiB).toBeGreaterThan(10);
    expect(peaks[0]!.peakMiB).toBeGreaterThanOrEqual(Math.floor(process.memoryUsage().rss / 1024 / 1024) - 1);
  });

  it('gives each role the largest peak of its processes', () => {
    expect(
      peakByRole([
        { id: 'en-1', role: 'extent-node', peakMiB: 300 },
        { id: 'en-2', role: 'extent-node', peakMiB: 900 },
        { id: 'etcd', role: 'etcd', peakMiB: 50 },
      ]),
    ).toEqual({ 'extent-node': 900, etcd: 50 });
  });
});
