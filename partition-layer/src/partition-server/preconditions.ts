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
  // A current delete marker (a versioned container's deleted blob) is no blob to S3's conditions.
  const record = existing ? blobRecordCodec.decode(existing) : undefined;
  const exists = record !== undefined && !record.deleteMarker;
  if (conditions.ifNoneMatch === '*' && exists) throw new PartitionError('PRECONDITION_FAILED', `${blob} exists`);
  if (conditions.ifMatch) {
    if (!exists) throw new PartitionError('NO_SUCH_BLOB', `no blob ${blob}`);
    if (conditions.ifMatch !== '*' && conditions.ifMatch !== record.etag) throw new PartitionError('PRECONDITION_FAILED', `${blob} has another ETag`);
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
