import { SIGNING_KEY_CACHE_SIZE } from './limits.js';
import { deriveSigningKey, type SigningKeyInput } from './sigv4-crypto.js';

/**
 * A bounded LRU of SigV4 signing keys. Deriving one costs four HMACs per request; a key is
 * valid for one day, region and service, so a busy client hits the cache on every request.
 * Entries are keyed by the secret itself so a rotated secret never reuses a stale key.
 */
export class SigningKeyCache {
  // A Map iterates in insertion order: re-inserting on a hit makes the first entry the LRU.
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly capacity: number = SIGNING_KEY_CACHE_SIZE) {}

  /** The signing key for the input, derived on a miss. */
  get(input: SigningKeyInput): Buffer {
    const cacheKey = `${input.date}\n${input.region}\n${input.service}\n${input.secretAccessKey}`;
    const cached = this.keys.get(cacheKey);
    if (cached !== undefined) {
      this.keys.delete(cacheKey);
      this.keys.set(cacheKey, cached);
      return cached;
    }
    const key = deriveSigningKey(input);
    this.keys.set(cacheKey, key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.keys().next();
      if (oldest.done !== true) this.keys.delete(oldest.value);
    }
    return key;
  }

  /** Number of cached keys (for tests and metrics). */
  get size(): number {
    return this.keys.size;
  }
}
