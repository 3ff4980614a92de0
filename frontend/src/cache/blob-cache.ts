import { HotKeys, type Clock } from '@strata/common';
import type { streamV1 } from '@strata/protos';

/** A blob read this often within ADMISSION_WINDOW_MS (or the window before) is hot, and kept. */
const ADMISSION_READS_MIN = 2;
const ADMISSION_WINDOW_MS = 2_000;
/** Blobs whose reads are counted: a few hundred KiB of names. */
const ADMISSION_KEYS_TRACKED = 4_096;

/** A blob's bytes as read from its blocks: the key is the blocks' pointers, which only ever name those bytes. */
type Loader = () => Promise<Buffer>;

interface Entry {
  key: string;
  bytes: Buffer;
}

/**
 * The front-end's hot-blob cache: whole blobs up to `itemBytesMax`, least recently used first
 * out, at most `capacityBytes` in all, and one read of the extent nodes for any number of
 * concurrent GETs of the same blob (request coalescing: the thundering herd on a CDN miss).
 *
 * Strong consistency costs nothing here: an entry is keyed by the blob's block pointers, which
 * a GET takes from the partition's index every time (never from this cache), and blocks never
 * change. A PUT makes new blocks, so a GET after it asks for a key this cache never had; a
 * compaction moves blocks, ditto. A stale entry is just never asked for again, and ages out.
 */
export class BlobCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Buffer>>();
  private readonly reads: HotKeys;
  private heldBytes = 0;
  /** Counters since start, for the front-end's metrics. */
  readonly stats = { hits: 0, misses: 0, coalesced: 0 };

  constructor(private readonly options: { capacityBytes: number; itemBytesMax: number; clock: Clock }) {
    this.reads = new HotKeys({ clock: options.clock, windowMs: ADMISSION_WINDOW_MS, readsMin: ADMISSION_READS_MIN, tracked: ADMISSION_KEYS_TRACKED });
  }

  /**
   * Whether this GET of a blob goes through the cache (whole, coalesced, kept): only a blob of a
   * cacheable size that is held, being read, or hot. A blob read once (a backup restore, a
   * crawl) is streamed past the cache instead: it would only push hot blobs out, cost a whole
   * copy in memory before its first byte is sent, and be dropped unread. In a thundering herd
   * the first GET streams and the second starts the read every later one shares.
   */
  admits(key: string, sizeBytes: number): boolean {
    if (this.options.capacityBytes <= 0 || sizeBytes > this.options.itemBytesMax) return false;
    const hot = this.reads.read(key);
    return hot || this.entries.has(key) || this.loading.has(key);
  }

  /** The key of a blob's bytes: its blocks, in order. */
  static keyOf(blocks: readonly streamV1.BlockPointer__Output[]): string {
    return blocks.map((block) => `${block.extentId}@${block.offset}+${block.dataBytes}`).join(',');
  }

  /** The blob's bytes: from memory, from a read already under way, or by `load` (then kept). */
  async get(key: string, load: Loader): Promise<Buffer> {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.stats.hits++;
      return entry.bytes;
    }
    const running = this.loading.get(key);
    if (running) {
      this.stats.coalesced++;
      return running;
    }
    this.stats.misses++;
    const loaded = load().finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    const bytes = await loaded;
    this.keep(key, bytes);
    return bytes;
  }

  private keep(key: string, bytes: Buffer): void {
    if (this.entries.has(key) || bytes.length > this.options.capacityBytes) return;
    this.entries.set(key, { key, bytes });
    this.heldBytes += bytes.length;
    for (const [oldest, entry] of this.entries) {
      if (this.heldBytes <= this.options.capacityBytes) break;
      this.entries.delete(oldest);
      this.heldBytes -= entry.bytes.length;
    }
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.heldBytes;
  }
}
