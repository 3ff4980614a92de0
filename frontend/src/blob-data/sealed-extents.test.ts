import { describe, expect, it } from 'vitest';
import { SealedExtents } from './sealed-extents.js';

describe('sealed extents of a front-end stream', () => {
  it('are ready at once when no upload runs (a restarted front-end drops its former extents)', () => {
    const extents = new SealedExtents();
    extents.sealed(['e-1', 'e-2']);
    expect(extents.ready()).toEqual(['e-1', 'e-2']);
    extents.released(['e-1', 'e-2']);
    expect(extents.ready()).toEqual([]);
    // Seen again (a listing read before the release answered): never released twice.
    extents.sealed(['e-1']);
    expect(extents.ready()).toEqual([]);
  });

  it('wait for every upload running when they were found sealed, and for no later one', () => {
    const extents = new SealedExtents();
    const early = extents.begin();
    const other = extents.begin();
    extents.sealed(['e-1']);
    const late = extents.begin();
    expect(extents.ready()).toEqual([]);
    extents.end(early);
    expect(extents.ready()).toEqual([]);
    extents.end(other);
    // `late` began after e-1 was seen sealed: it cannot have written there.
    expect(extents.ready()).toEqual(['e-1']);
    expect(extents.uploads).toBe(1);
    extents.sealed(['e-2']);
    expect(extents.ready()).toEqual(['e-1']);
    extents.end(late);
    expect(extents.ready()).toEqual(['e-1', 'e-2']);
  });

  it('end the process on a release the uploads do not allow, or an upload ended twice', () => {
    const extents = new SealedExtents();
    const upload = extents.begin();
    extents.sealed(['e-1']);
    expect(() => extents.released(['e-1'])).toThrow(/released while an upload may still commit/);
    extents.end(upload);
    expect(() => extents.end(upload)).toThrow(/ended twice/);
  });
});
