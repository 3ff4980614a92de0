import { compareKeys } from '../../keys.js';

/**
 * The upload keys of a partition's index, in key order, kept in memory beside it so that
 * listing a container's uploads, and sweeping old ones, need not read its blobs (an upload's
 * key sits among them, after its blob's). Like the index it is a cache: the index store keeps
 * it in step with every write, so a load (checkpoint, then log replay) rebuilds it.
 */
export class UploadDirectory {
  private readonly keys: Buffer[] = [];

  get size(): number {
    return this.keys.length;
  }

  add(key: Buffer): void {
    const at = this.search(key);
    if (this.keys[at]?.equals(key)) return;
    this.keys.splice(at, 0, Buffer.from(key));
  }

  delete(key: Buffer): void {
    const at = this.search(key);
    if (this.keys[at]?.equals(key)) this.keys.splice(at, 1);
  }

  /** Keys in [gte, lt) (lt undefined: to the end), in order, at most `limit`. */
  range(options: { gte: Buffer; lt: Buffer | undefined; limit?: number }): Buffer[] {
    const found: Buffer[] = [];
    for (let at = this.search(options.gte); at < this.keys.length && found.length < (options.limit ?? Infinity); at++) {
      const key = this.keys[at]!;
      if (options.lt && compareKeys(key, options.lt) >= 0) break;
      found.push(key);
    }
    return found;
  }

  /** Every key, for a sweep (a copy: the sweep changes the directory as it goes). */
  all(): Buffer[] {
    return [...this.keys];
  }

  /** The index of the first key >= `key`. */
  private search(key: Buffer): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.keys[middle]!, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
