import type { Random } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { blobKey, versionRecordKey, versionsEnd, versionsStart } from '../../keys.js';
import { blobRecordCodec } from '../../records.js';
import type { IndexView } from '../commit/committer.js';
import { NULL_VERSION_ID, nextVersionOrder, versionIdOf, versionKeyOf, versionKeyOfId } from './version-id.js';

/** A container's S3 versioning state (ContainerProperties.versioning). */
export type Versioning = '' | 'Enabled' | 'Suspended';

/** The blob a version belongs to. */
export interface BlobName {
  account: string;
  container: string;
  blob: string;
}

/** A container's versioning as a request states it; anything else is a caller's bug. */
export function versioningOf(value: string): Versioning {
  if (value !== '' && value !== 'Enabled' && value !== 'Suspended') throw new PartitionError('INVALID_ARGUMENT', `bad versioning state ${value}`);
  return value;
}

/**
 * The mutations that make `record` the blob's current version in a versioned (or suspended)
 * container, read and decided inside one commit: the current record moves to its noncurrent
 * key, unless it is the null version and the container is suspended (a new null version
 * replaces it, as S3 defines); in a suspended container the noncurrent null version, if any,
 * goes. The new record's order comes after the current one's whatever the clock says.
 */
export async function writeCurrentVersion(
  view: Pick<IndexView, 'get'>,
  options: { name: BlobName; record: partitionV1.BlobRecord; versioning: 'Enabled' | 'Suspended'; nowMs: number; random: Random },
): Promise<{ mutations: partitionV1.IndexMutation[]; record: partitionV1.BlobRecord }> {
  const { name, versioning } = options;
  const key = blobKey(name.account, name.container, name.blob);
  const value = await view.get(key);
  const current = value ? blobRecordCodec.decode(value) : undefined;
  const order = nextVersionOrder(options.nowMs, current?.versionOrder ?? 0);
  const mutations: partitionV1.IndexMutation[] = [];
  let nullVersionKey = '';
  if (current && !(versioning === 'Suspended' && current.versionId === '')) {
    const movedKey = versionKeyOf(current.versionOrder);
    mutations.push({ key: versionRecordKey(name.account, name.container, name.blob, movedKey), value: asNoncurrent(current) });
    if (versioning === 'Suspended' && current.nullVersionKey) {
      mutations.push({ key: versionRecordKey(name.account, name.container, name.blob, current.nullVersionKey), delete: true });
    }
    if (versioning === 'Enabled') nullVersionKey = current.versionId === '' ? movedKey : current.nullVersionKey;
  }
  const versionId = versioning === 'Enabled' ? versionIdOf(versionKeyOf(order), options.random.bytes(8)) : '';
  const written: partitionV1.BlobRecord = {
    ...options.record,
    versionId,
    versionOrder: order,
    nullVersionKey,
    deleteMarker: options.record.deleteMarker ?? false,
  };
  mutations.push({ key, value: blobRecordCodec.encode(written) });
  return { mutations, record: written };
}

/** A delete marker made now: no bytes, no blocks (S3's DeleteMarker). */
export function deleteMarkerAt(nowMs: number): partitionV1.BlobRecord {
  return { sizeBytes: 0, etag: '', lastModifiedMs: nowMs, properties: {}, blocks: [], tags: [], deleteMarker: true };
}

/** A version named by id: the current record or a noncurrent one, with the key it is stored under. */
export interface FoundVersion {
  key: Buffer;
  record: partitionV1.BlobRecord__Output;
  isCurrent: boolean;
  /** The blob's current record (the same as `record` when `isCurrent`). */
  current: partitionV1.BlobRecord__Output;
}

/**
 * Finds a version by its S3 id (or "null"): the current record first, then the key the id
 * names, whose stored id must match in full. Undefined when the blob has no such version.
 * @throws PartitionError INVALID_ARGUMENT for an id Strata never makes.
 */
export async function findVersion(view: Pick<IndexView, 'get'>, name: BlobName, versionId: string): Promise<FoundVersion | undefined> {
  const wanted = versionKeyOfId(versionId);
  const key = blobKey(name.account, name.container, name.blob);
  const value = await view.get(key);
  if (!value) return undefined;
  const current = blobRecordCodec.decode(value);
  if (current.versionId === (wanted === NULL_VERSION_ID ? '' : versionId)) return { key, record: current, isCurrent: true, current };
  const versionKey = wanted === NULL_VERSION_ID ? current.nullVersionKey : wanted;
  if (!versionKey) return undefined;
  const stored = versionRecordKey(name.account, name.container, name.blob, versionKey);
  const storedValue = await view.get(stored);
  if (!storedValue) return undefined;
  const record = blobRecordCodec.decode(storedValue);
  if (record.versionId !== (wanted === NULL_VERSION_ID ? '' : versionId)) return undefined;
  return { key: stored, record, isCurrent: false, current };
}

/**
 * The mutations that remove one version (S3's DELETE with versionId), in one commit: deleting
 * the current version (or delete marker) makes the newest noncurrent one current again;
 * deleting the noncurrent null version clears the current record's pointer to it. Nothing
 * (and no error, as S3) when the blob has no such version.
 */
export async function deleteVersion(
  view: Pick<IndexView, 'get' | 'first'>,
  name: BlobName,
  versionId: string,
): Promise<{ mutations: partitionV1.IndexMutation[]; deleted: partitionV1.BlobRecord__Output | undefined }> {
  const found = await findVersion(view, name, versionId);
  if (!found) return { mutations: [], deleted: undefined };
  const { key, record, current } = found;
  const currentKey = blobKey(name.account, name.container, name.blob);
  if (found.isCurrent) {
    const newest = await view.first({ gte: versionsStart(name.account, name.container, name.blob), lt: versionsEnd(name.account, name.container, name.blob) });
    if (!newest) return { mutations: [{ key, delete: true }], deleted: record };
    const promoted = blobRecordCodec.decode(newest[1]);
    const nullVersionKey = promoted.versionId === '' ? '' : current.nullVersionKey;
    const value = blobRecordCodec.encode({ ...(promoted as partitionV1.BlobRecord), nullVersionKey });
    return {
      mutations: [
        { key: newest[0], delete: true },
        { key: currentKey, value },
      ],
      deleted: record,
    };
  }
  const mutations: partitionV1.IndexMutation[] = [{ key, delete: true }];
  if (record.versionId === '')
    mutations.push({ key: currentKey, value: blobRecordCodec.encode({ ...(current as partitionV1.BlobRecord), nullVersionKey: '' }) });
  return { mutations, deleted: record };
}

/** A current record as it is kept once noncurrent: only the current record names the null version. */
function asNoncurrent(record: partitionV1.BlobRecord__Output): Buffer {
  return blobRecordCodec.encode({ ...(record as partitionV1.BlobRecord), nullVersionKey: '' });
}
