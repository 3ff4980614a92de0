import { assert } from '@strata/common';

/**
 * When an extent of a front-end's blob-data stream may leave the stream. An upload appends its
 * blocks there, then asks a partition to commit pointers to them; the partition holds the
 * extent before its record exists (PartitionGc.protect). Until the commit has answered, the
 * stream's listing is all that keeps the extent from collection. So a sealed extent is released
 * from the stream only once every upload that may have written into it has ended (committed,
 * so held, or abandoned, so garbage).
 *
 * Which uploads may have: those running when the stream was read and the extent found sealed.
 * An upload begun later cannot append to it (a sealed extent takes no append, and the writer
 * only moves forward), and an upload that wrote into it began before it was sealed.
 */
export class SealedExtents {
  private nextUpload = 1;
  private readonly running = new Set<number>();
  /** Sealed extents, each with the uploads it still waits for. */
  private readonly waiting = new Map<string, Set<number>>();
  /** Extents already seen sealed (waiting, ready or released): a second sighting changes nothing. */
  private readonly seen = new Set<string>();

  /** An upload starts; pass what this returns to `end` once its commit has answered (or failed). */
  begin(): number {
    const upload = this.nextUpload++;
    this.running.add(upload);
    return upload;
  }

  end(upload: number): void {
    assert(this.running.delete(upload), `upload ${upload} ended twice or never began`);
    for (const uploads of this.waiting.values()) uploads.delete(upload);
  }

  /** The stream, read from the stream manager just before this call, lists these extents as sealed. */
  sealed(extentIds: readonly string[]): void {
    for (const id of extentIds) {
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.waiting.set(id, new Set(this.running));
    }
  }

  /** Sealed extents no running upload may have written into: the stream may drop them. */
  ready(): string[] {
    return [...this.waiting].filter(([, uploads]) => uploads.size === 0).map(([id]) => id);
  }

  /** The stream dropped these. */
  released(extentIds: readonly string[]): void {
    for (const id of extentIds) {
      assert(this.waiting.get(id)?.size === 0, `extent ${id} released while an upload may still commit into it`);
      this.waiting.delete(id);
    }
  }

  /** Uploads running now. */
  get uploads(): number {
    return this.running.size;
  }
}
