/**
 * Payload indexes of later versions of an object: version v of object k is written with the
 * payload of index k + v × VERSION_STRIDE, so every version's first bytes differ from every
 * other object's and version's.
 */
export const VERSION_STRIDE = 1_000_000;

/** One PUT of a version, as the load generator saw it (times on performance.now()). */
interface VersionWrite {
  version: number;
  sentAtMs: number;
  /** When its 2xx answer arrived; undefined while in flight, or when it failed (it may still have been applied). */
  ackedAtMs: number | undefined;
}

/** What a GET returned, judged against the writes of its object. */
export type ReadVerdict = { ok: true; version: number } | { ok: false; reason: string };

/**
 * The versions every object has been written with during a keyed phase, and the check of each
 * GET against them. Version 0 of every object is what the PUT phase wrote before this phase began.
 * A GET sent at `sentAtMs` and answered at `doneAtMs` may return version v when:
 * - v's PUT was sent before the GET was answered (nothing is read from the future), and
 * - no version w was acknowledged before the GET was sent and after v's own PUT was acknowledged
 *   (then w had replaced v for certain, and v is stale).
 * So a GET of a key being overwritten may return either the old or the new version, as a
 * linearizable register may, and nothing older than the last overwrite it could know about.
 */
export class VersionLedger {
  private readonly writes = new Map<number, VersionWrite[]>();
  private readonly nextVersion = new Map<number, number>();

  constructor(private readonly stride: number = VERSION_STRIDE) {}

  /** The payload index of `version` of `object`. */
  payloadIndex(object: number, version: number): number {
    return object + version * this.stride;
  }

  /** Numbers the next version of `object` (1, 2, …), in the order the phase plans its PUTs. */
  planVersion(object: number): number {
    const version = (this.nextVersion.get(object) ?? 0) + 1;
    this.nextVersion.set(object, version);
    return version;
  }

  putSent(object: number, version: number, atMs: number): void {
    const list = this.writes.get(object) ?? [];
    list.push({ version, sentAtMs: atMs, ackedAtMs: undefined });
    this.writes.set(object, list);
  }

  putAcked(object: number, version: number, atMs: number): void {
    const write = this.writes.get(object)?.find((w) => w.version === version);
    if (write) write.ackedAtMs = atMs;
  }

  /** Versions a GET of `object` answered at `doneAtMs` may have returned, before the staleness check. */
  candidates(object: number, doneAtMs: number): number[] {
    return [0, ...(this.writes.get(object) ?? []).filter((w) => w.sentAtMs <= doneAtMs).map((w) => w.version)];
  }

  /** Judges a GET of `object` that returned `version` (or undefined: bytes of no version sent so far). */
  judge(options: { object: number; version: number | undefined; sentAtMs: number; doneAtMs: number }): ReadVerdict {
    const { object, version, sentAtMs, doneAtMs } = options;
    if (version === undefined || !this.candidates(object, doneAtMs).includes(version))
      return { ok: false, reason: 'contents match no version of the object that was PUT before the answer' };
    const writes = this.writes.get(object) ?? [];
    const returnedAckedAtMs = version === 0 ? Number.NEGATIVE_INFINITY : writes.find((w) => w.version === version)?.ackedAtMs;
    if (returnedAckedAtMs === undefined) return { ok: true, version };
    const newer = writes.find((w) => w.ackedAtMs !== undefined && w.ackedAtMs < sentAtMs && w.sentAtMs > returnedAckedAtMs);
    if (newer) return { ok: false, reason: `stale: returned version ${version}, but version ${newer.version} had replaced it before the GET was sent` };
    return { ok: true, version };
  }
}
