import { PartitionError } from '../errors.js';
import { blobRecordCodec } from '../records.js';
import type { IndexView } from './commit/committer.js';

/** A write's conditions on the key it writes (S3's If-None-Match: * and If-Match). */
export interface WriteConditions {
  ifNoneMatch?: string;
  ifMatch?: string;
}

/**
 * Checks a write's If-None-Match / If-Match against what the key holds now (`existing`, a
 * blob record): PRECONDITION_FAILED when one does not hold, NO_SUCH_BLOB for If-Match on a
 * missing key.
 */
export function checkPreconditions(conditions: WriteConditions, blob: string, existing: Buffer | undefined): void {
  if (conditions.ifNoneMatch === '*' && existing) throw new PartitionError('PRECONDITION_FAILED', `${blob} exists`);
  if (conditions.ifMatch) {
    if (!existing) throw new PartitionError('NO_SUCH_BLOB', `no blob ${blob}`);
    const etag = blobRecordCodec.decode(existing).etag;
    if (conditions.ifMatch !== '*' && conditions.ifMatch !== etag) throw new PartitionError('PRECONDITION_FAILED', `${blob} has another ETag`);
  }
}

/**
 * Checks a write's conditions against what `key` holds in `view`, reading the key only when
 * the write has a condition: an unconditional PUT does no read of the index.
 */
export async function checkPreconditionsIn(view: Pick<IndexView, 'get'>, conditions: WriteConditions, blob: string, key: Buffer): Promise<void> {
  if (conditions.ifNoneMatch !== '*' && !conditions.ifMatch) return;
  checkPreconditions(conditions, blob, await view.get(key));
}
