import type { Clock, Random } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { blobKey, checkBlobName, containerKey } from '../../keys.js';
import { BLOB_BLOCKS_MAX, INLINE_BLOB_BYTES_MAX } from '../../limits.js';
import { blobRecordCodec } from '../../records.js';
import type { CacheLeases } from '../cache-leases/cache-leases.js';
import type { IndexStore } from '../commit/index-store.js';
import type { ExtentLocator } from '../extent-locator.js';
import { checkPreconditionsIn } from '../preconditions.js';
import { blobTags } from '../tags/blob-tags.js';
import type { BlobUpload } from '../uploads/blob-upload.js';
import { etagOfContentMd5 } from '../uploads/content-md5.js';
import { deleteMarkerAt, deleteVersion, findVersion, versioningOf, writeCurrentVersion, type BlobName, type Versioning } from '../versions/blob-versions.js';
import type { IndexView } from '../commit/committer.js';
import type { UploadsDeps } from '../uploads/partition-uploads.js';

/** What a partition's blob reads and writes need from it. */
export interface BlobOperationsDeps {
  index: IndexStore;
  commit: UploadsDeps['commit'];
  leases: CacheLeases;
  locator: Pick<ExtentLocator, 'describe'>;
  clock: Clock;
  /** The random part of version ids. */
  random: Random;
  /** Holds blocks another stream or partition wrote before a record points at them (PartitionGc.protect). */
  protect: (pointers: readonly streamV1.BlockPointer[]) => Promise<void>;
  /** Refuses blocks that landed in an extent compaction released meanwhile (PartitionGc.checkWritten). */
  checkWritten: (pointers: readonly streamV1.BlockPointer[]) => void;
}

/**
 * The blob records of one partition: PutBlob, GetBlob, DeleteBlob and CopyBlob. Each write
 * waits out the front-ends' read leases on its key, then commits one record of mutations of
 * it (README, invariant 9): in an unversioned container only the blob key, with no read
 * unless the write is conditional; in a versioned or suspended one it also moves the current
 * record to its noncurrent key (versions/blob-versions.ts).
 */
export class BlobOperations {
  constructor(private readonly deps: BlobOperationsDeps) {}

  /** PutBlob: records a blob uploaded through `upload`, if its container still exists and its conditions hold. */
  async putBlob(header: partitionV1.PutBlobHeader__Output, upload: BlobUpload, commit: partitionV1.PutBlobCommit__Output): Promise<partitionV1.BlobInfo> {
    const sizeBytes = Number(commit.sizeBytes);
    const etag = etagOfContentMd5(commit.contentMd5);
    const uploaded = await upload.finish({ inlineBytesMax: INLINE_BLOB_BYTES_MAX });
    if (uploaded.sizeBytes !== sizeBytes) {
      throw new PartitionError('SIZE_MISMATCH', `the front-end sent ${sizeBytes} bytes but ${uploaded.sizeBytes} arrived`);
    }
    const record: partitionV1.BlobRecord = {
      sizeBytes,
      etag,
      lastModifiedMs: this.deps.clock.nowMs(),
      properties: header.properties ?? {},
      blocks: uploaded.blocks,
      checksumAlgorithm: commit.checksumAlgorithm,
      checksumValue: commit.checksumValue,
      ...(uploaded.inline ? { inlineData: uploaded.inline } : {}),
      tags: blobTags(header.tags),
    };
    const key = blobKey(header.account, header.container, header.blob);
    const versioning = versioningOf(header.versioning);
    const { leases } = this.deps;
    // The container from memory, no read of the key unless the PUT is conditional: the partition's lock never waits on the thread pool for an ordinary PUT.
    const written = await leases.write(key, () =>
      this.deps.commit(async (view) => {
        leases.checkWritable(key);
        if (!view.hasContainer(containerKey(header.account, header.container))) {
          throw new PartitionError('NO_SUCH_CONTAINER', `no container ${header.container}`);
        }
        await checkPreconditionsIn(view, header, header.blob, key);
        // Blocks the front-end appended to its own stream are held like a copy's, before the
        // record exists; blocks appended here must not lie in an extent compaction released.
        if (upload.referenced) await this.deps.protect(uploaded.blocks);
        else this.deps.checkWritten(uploaded.blocks);
        return this.written(view, { name: header, key, record, versioning });
      }),
    );
    return { account: header.account, container: header.container, blob: header.blob, record: written, extents: [] };
  }

  /**
   * GetBlob: the current record (NO_SUCH_BLOB when it is a delete marker, unless the caller
   * takes those), or the version `request.versionId` names (no cache lease: the FE does not
   * cache versions), NO_SUCH_VERSION when there is none and DELETE_MARKER when it is one.
   */
  async getBlob(request: partitionV1.BlobRequest__Output): Promise<partitionV1.BlobInfo> {
    checkBlobName(request.blob);
    const { index } = this.deps;
    const key = blobKey(request.account, request.container, request.blob);
    const missing = (code: 'NO_SUCH_BLOB' | 'NO_SUCH_VERSION'): PartitionError =>
      index.hasContainer(containerKey(request.account, request.container))
        ? new PartitionError(code, `no blob ${request.blob}${code === 'NO_SUCH_VERSION' ? ` version ${request.versionId}` : ''}`)
        : new PartitionError('NO_SUCH_CONTAINER', `no container ${request.container}`);
    let record: partitionV1.BlobRecord__Output;
    let cacheLeaseMs = 0;
    if (request.versionId) {
      const found = await findVersion(index, request, request.versionId);
      if (!found) throw missing('NO_SUCH_VERSION');
      if (found.record.deleteMarker && !request.withDeleteMarkers) throw new PartitionError('DELETE_MARKER', `version ${request.versionId} is a delete marker`);
      record = found.record;
    } else {
      // Granted before the read: no write of the key commits from here until the lease ends,
      // so the record read below is the key's record for the lease's whole length.
      cacheLeaseMs = request.cacheLease ? this.deps.leases.grant(key) : 0;
      const value = await index.get(key);
      if (!value) throw missing('NO_SUCH_BLOB');
      record = blobRecordCodec.decode(value);
      if (record.deleteMarker && !request.withDeleteMarkers) throw new PartitionError('NO_SUCH_BLOB', `no blob ${request.blob} (a delete marker)`);
    }
    const extents = await this.deps.locator.describe(record.blocks.map((block) => block.extentId));
    return { account: request.account, container: request.container, blob: request.blob, record, extents, cacheLeaseMs };
  }

  /**
   * DeleteBlob: by version id, removes that version (versions/blob-versions.ts, deleteVersion;
   * nothing when there is none, as S3); without, removes the blob in an unversioned container
   * and writes a delete marker as its current version in a versioned or suspended one.
   * @throws PartitionError NO_SUCH_CONTAINER, INVALID_ARGUMENT (a version id Strata never makes)
   */
  async deleteBlob(request: partitionV1.BlobRequest__Output): Promise<partitionV1.DeleteBlobResponse> {
    checkBlobName(request.blob);
    const key = blobKey(request.account, request.container, request.blob);
    const versioning = versioningOf(request.versioning);
    const { leases } = this.deps;
    return leases.write(key, () =>
      this.deps.commit(async (view) => {
        leases.checkWritable(key);
        if (!view.hasContainer(containerKey(request.account, request.container))) {
          throw new PartitionError('NO_SUCH_CONTAINER', `no container ${request.container}`);
        }
        if (request.versionId) {
          const { mutations, deleted } = await deleteVersion(view, request, request.versionId);
          return { mutations, result: { existed: deleted !== undefined, versionId: request.versionId, deleteMarker: deleted?.deleteMarker ?? false } };
        }
        if (versioning !== '') {
          const marker = await this.written(view, { name: request, key, record: deleteMarkerAt(this.deps.clock.nowMs()), versioning });
          return { mutations: marker.mutations, result: { existed: true, versionId: marker.result.versionId ?? '', deleteMarker: true } };
        }
        const existed = (await view.get(key)) !== undefined;
        return { mutations: existed ? [{ key, delete: true }] : [], result: { existed, versionId: '', deleteMarker: false } };
      }),
    );
  }

  /** The mutations that make `record` the blob's current record, as the container's versioning says. */
  private async written(
    view: IndexView,
    options: { name: BlobName; key: Buffer; record: partitionV1.BlobRecord; versioning: Versioning },
  ): Promise<{ mutations: partitionV1.IndexMutation[]; result: partitionV1.BlobRecord }> {
    const { name, key, record, versioning } = options;
    if (versioning === '') return { mutations: [{ key, value: blobRecordCodec.encode(record) }], result: record };
    const written = await writeCurrentVersion(view, { name, record, versioning, nowMs: this.deps.clock.nowMs(), random: this.deps.random });
    return { mutations: written.mutations, result: written.record };
  }

  /**
   * CopyBlob: records a blob made of blocks already stored (a copy), if its container exists
   * and its conditions hold. The blocks may lie in other partitions' data extents.
   */
  async copyBlob(request: partitionV1.CopyBlobRequest__Output): Promise<partitionV1.BlobInfo> {
    checkBlobName(request.blob);
    const given = request.record;
    if (!given) throw new PartitionError('INVALID_ARGUMENT', 'no record to commit');
    if (given.blocks.length > BLOB_BLOCKS_MAX) throw new PartitionError('ENTITY_TOO_LARGE', `a blob has at most ${BLOB_BLOCKS_MAX} blocks`);
    // The source's version fields are its own: the copy is a new version (or the null one) here.
    const record: partitionV1.BlobRecord = {
      ...given,
      lastModifiedMs: this.deps.clock.nowMs(),
      tags: blobTags(given.tags),
      versionId: '',
      versionOrder: 0,
      nullVersionKey: '',
      deleteMarker: false,
    };
    const key = blobKey(request.account, request.container, request.blob);
    const versioning = versioningOf(request.versioning);
    const { leases } = this.deps;
    const written = await leases.write(key, () =>
      this.deps.commit(async (view) => {
        leases.checkWritable(key);
        if (!view.hasContainer(containerKey(request.account, request.container)))
          throw new PartitionError('NO_SUCH_CONTAINER', `no container ${request.container}`);
        await checkPreconditionsIn(view, request, request.blob, key);
        // The blocks are another blob's, maybe in another partition's extents: hold those
        // before the record exists, so no compaction there can collect them (see PartitionGc).
        await this.deps.protect(given.blocks);
        return this.written(view, { name: request, key, record, versioning });
      }),
    );
    return { account: request.account, container: request.container, blob: request.blob, record: written, extents: [] };
  }
}
