import { createHash } from 'node:crypto';
import type { Clock, Failpoints, Random } from '@strata/common';
import type { partitionV1, streamV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { afterUpload, blobKey, checkBlobName, containerKey, partKey, uploadKey, type UploadName } from '../../keys.js';
import { BLOB_BLOCKS_MAX, OPEN_UPLOADS_MAX, PART_BYTES_MIN, PART_NUMBER_MAX } from '../../limits.js';
import { blobRecordCodec, partRecordCodec, uploadRecordCodec } from '../../records.js';
import type { BlobUpload } from './blob-upload.js';
import type { IndexView } from '../commit/committer.js';
import type { IndexStore } from '../commit/index-store.js';
import { etagOfContentMd5 } from './content-md5.js';
import { checkPreconditions } from '../preconditions.js';
import type { CacheLeases } from '../cache-leases/cache-leases.js';
import { blobTags } from '../tags/blob-tags.js';
import { versioningOf, writeCurrentVersion } from '../versions/blob-versions.js';

/** Named failure points of an upload's completion (armed with --failpoints). */
export type UploadFailpoint = 'partitionServer.complete.beforeCommit' | 'partitionServer.complete.afterCommit';

/** What the uploads of a partition need from it. */
export interface UploadsDeps {
  index: IndexStore;
  commit: <Result>(prepare: (view: IndexView) => Promise<{ mutations: partitionV1.IndexMutation[]; result: Result }>) => Promise<Result>;
  /** Whether the partition refuses new uploads (it is being split, merged or moved). */
  quiescing: () => boolean;
  clock: Clock;
  random: Random;
  failpoints: Failpoints<UploadFailpoint>;
  /**
   * Keeps alive the extents of blocks a part references but did not write (UploadPartCopy):
   * called under the partition's lock before the part's record is logged (PartitionGc.protect).
   */
  protect: (pointers: readonly streamV1.BlockPointer[]) => Promise<void>;
  /** Refuses a part whose own blocks landed in an extent compaction released meanwhile (PartitionGc.checkWritten). */
  checkWritten: (pointers: readonly streamV1.BlockPointer[]) => void;
  /** The partition's cache leases: completing an upload writes its blob's record (CacheLeases.write). */
  leases: Pick<CacheLeases, 'write' | 'checkWritable'>;
}

/** An upload id: the initiation time (so one key's uploads list in initiation order), then randomness. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * The multipart uploads of one partition. An upload's record and its parts' records sit right
 * after its blob's key (keys.ts), so completing one is a single commit in this partition: it
 * writes the blob (pointers to the parts' blocks, nothing copied), removes the parts and
 * leaves a tombstone that answers a retried completion the same way.
 */
export class PartitionUploads {
  constructor(private readonly deps: UploadsDeps) {}

  /** Starts an upload of a blob of an existing container. */
  async create(request: partitionV1.CreateUploadRequest__Output): Promise<partitionV1.UploadInfo> {
    checkBlobName(request.blob);
    if (this.deps.index.uploads.size >= OPEN_UPLOADS_MAX) throw new PartitionError('TOO_MANY_UPLOADS', `the partition holds ${OPEN_UPLOADS_MAX} uploads`);
    const initiatedMs = this.deps.clock.nowMs();
    const uploadId = initiatedMs.toString(16).padStart(12, '0') + this.deps.random.bytes(10).toString('hex');
    const record: partitionV1.UploadRecord = {
      initiatedMs,
      properties: request.properties ?? {},
      checksumAlgorithm: request.checksumAlgorithm,
      checksumType: request.checksumType,
      tags: blobTags(request.tags),
    };
    const key = uploadKey(request.account, request.container, request.blob, uploadId);
    await this.deps.commit(async (view) => {
      await requireContainer(view, request.account, request.container);
      return { mutations: [{ key, value: uploadRecordCodec.encode(record) }], result: undefined };
    });
    return {
      account: request.account,
      container: request.container,
      blob: request.blob,
      uploadId,
      initiatedMs,
      checksumAlgorithm: request.checksumAlgorithm,
      checksumType: request.checksumType,
    };
  }

  /** Fails fast, before any byte of a part is sent, when the part could not be stored. */
  async checkPart(header: partitionV1.UploadPartHeader__Output): Promise<void> {
    if (this.deps.quiescing()) throw new PartitionError('PARTITION_LOADING', 'the partition is being split, merged or moved');
    checkPartNumber(header.partNumber);
    await openUpload(this.deps.index, nameOf(header.upload));
  }

  /** Records an uploaded part, if its upload is still open; a part of the same number is replaced. */
  async commitPart(
    header: partitionV1.UploadPartHeader__Output,
    upload: BlobUpload,
    commit: partitionV1.UploadPartCommit__Output,
  ): Promise<partitionV1.PartInfo> {
    const uploaded = await upload.finish();
    if (uploaded.sizeBytes !== commit.sizeBytes) {
      throw new PartitionError('SIZE_MISMATCH', `the front-end sent ${commit.sizeBytes} bytes but ${uploaded.sizeBytes} arrived`);
    }
    if (upload.referenced && !commit.etag) throw new PartitionError('INVALID_ARGUMENT', 'a part made of stored blocks needs its ETag');
    const etag = commit.etag || etagOfContentMd5(commit.contentMd5);
    const name = nameOf(header.upload);
    const record: partitionV1.PartRecord = {
      sizeBytes: uploaded.sizeBytes,
      etag,
      lastModifiedMs: this.deps.clock.nowMs(),
      blocks: uploaded.blocks,
      checksumAlgorithm: commit.checksumAlgorithm,
      checksum: commit.checksum,
    };
    await this.deps.commit(async (view) => {
      const open = await openUpload(view, name);
      if (open.checksumAlgorithm && commit.checksumAlgorithm && open.checksumAlgorithm !== commit.checksumAlgorithm) {
        throw new PartitionError(
          'INVALID_ARGUMENT',
          `the upload was created with ${open.checksumAlgorithm} checksums, the part has ${commit.checksumAlgorithm}`,
        );
      }
      if (upload.referenced) await this.deps.protect(uploaded.blocks);
      else this.deps.checkWritten(uploaded.blocks);
      return { mutations: [{ key: partKey(name, header.partNumber), value: partRecordCodec.encode(record) }], result: undefined };
    });
    return partInfoOf(header.partNumber, partRecordCodec.decode(partRecordCodec.encode(record)));
  }

  /**
   * Completes an upload from the parts listed (ascending numbers; each must exist with the
   * ETag, and checksum when given, listed; all but the last at least PART_BYTES_MIN), checking
   * the write's conditions against the blob key in the same commit.
   */
  async complete(request: partitionV1.CompleteUploadRequest__Output): Promise<partitionV1.CompleteUploadResponse> {
    const name = nameOf(request.upload);
    checkPartList(request.parts);
    const etag = multipartEtag(request.parts.map((part) => part.etag));
    const key = blobKey(name.account, name.container, name.blob);
    const versioning = versioningOf(request.versioning);
    await this.deps.failpoints.hit('partitionServer.complete.beforeCommit');
    const completed = await this.deps.leases.write(key, () =>
      this.deps.commit(async (view) => {
        this.deps.leases.checkWritable(key);
        const value = await view.get(uploadKey(name.account, name.container, name.blob, name.uploadId));
        const upload = value ? uploadRecordCodec.decode(value) : undefined;
        if (upload && upload.completedMs > 0) return { mutations: [], result: retriedCompletion(request, upload, etag) };
        if (!upload) throw new PartitionError('NO_SUCH_UPLOAD', `no upload ${name.uploadId}`);
        if (upload.checksumAlgorithm && request.parts.some((part, i) => part.partNumber !== i + 1)) {
          throw new PartitionError('INVALID_PART_ORDER', 'with checksums, the parts must be numbered 1, 2, 3, ...');
        }
        const parts = await this.partsFor(view, name, request.parts);
        checkPreconditions(request, name.blob, await view.get(key));
        const record: partitionV1.BlobRecord = {
          sizeBytes: parts.reduce((sum, part) => sum + part.sizeBytes, 0),
          etag,
          lastModifiedMs: this.deps.clock.nowMs(),
          properties: upload.properties ?? {},
          blocks: parts.flatMap((part) => part.blocks),
          // The object's checksum where GET and HEAD find a single PUT's (a COMPOSITE one ends in -N).
          checksumAlgorithm: upload.checksumAlgorithm,
          checksumValue: upload.checksumAlgorithm ? request.checksum : '',
          multipart: {
            partCount: parts.length,
            partSizes: parts.map((part) => part.sizeBytes),
            checksumAlgorithm: upload.checksumAlgorithm,
            checksumType: upload.checksumType,
            checksum: upload.checksumAlgorithm ? request.checksum : '',
          },
          tags: upload.tags,
        };
        // In a versioned container the blob's current record moves to its noncurrent key in this same commit.
        const written =
          versioning === ''
            ? { mutations: [{ key, value: blobRecordCodec.encode(record) }], record }
            : await writeCurrentVersion(view, { name, record, versioning, nowMs: this.deps.clock.nowMs(), random: this.deps.random });
        const tombstone: partitionV1.UploadRecord = {
          initiatedMs: upload.initiatedMs,
          completedMs: record.lastModifiedMs,
          completedEtag: etag,
          completedChecksum: record.multipart!.checksum!,
          completedVersionId: written.record.versionId ?? '',
        };
        const start = uploadKey(name.account, name.container, name.blob, name.uploadId);
        const mutations: partitionV1.IndexMutation[] = [
          { key: start, delete: true, deleteRangeEnd: afterUpload(name) },
          { key: start, value: uploadRecordCodec.encode(tombstone) },
          ...written.mutations,
        ];
        return {
          mutations,
          result: {
            etag,
            sizeBytes: record.sizeBytes,
            checksumAlgorithm: upload.checksumAlgorithm,
            checksumType: upload.checksumType,
            checksum: record.multipart!.checksum!,
            versionId: written.record.versionId ?? '',
          },
        };
      }),
    );
    await this.deps.failpoints.hit('partitionServer.complete.afterCommit');
    return completed;
  }

  /** The stored parts the list names, checked against it. */
  private async partsFor(view: IndexView, name: UploadName, listed: readonly partitionV1.CompletedPart__Output[]): Promise<partitionV1.PartRecord__Output[]> {
    const parts: partitionV1.PartRecord__Output[] = [];
    for (const wanted of listed) {
      const value = await view.get(partKey(name, wanted.partNumber));
      const part = value ? partRecordCodec.decode(value) : undefined;
      if (!part || part.etag !== wanted.etag) throw new PartitionError('INVALID_PART', `part ${wanted.partNumber} was not uploaded with ETag ${wanted.etag}`);
      if (wanted.checksum && wanted.checksum !== part.checksum) throw new PartitionError('INVALID_PART', `part ${wanted.partNumber} has another checksum`);
      parts.push(part);
    }
    // Sizes once every part is known to exist, as S3 reports a missing part first.
    const small = parts.findIndex((part, i) => i < parts.length - 1 && part.sizeBytes < PART_BYTES_MIN);
    if (small >= 0) {
      throw new PartitionError(
        'ENTITY_TOO_SMALL',
        `part ${listed[small]!.partNumber} holds ${parts[small]!.sizeBytes} bytes; all but the last part need ${PART_BYTES_MIN}`,
      );
    }
    const blocks = parts.reduce((sum, part) => sum + part.blocks.length, 0);
    if (blocks > BLOB_BLOCKS_MAX) throw new PartitionError('ENTITY_TOO_LARGE', `the blob would have ${blocks} blocks; at most ${BLOB_BLOCKS_MAX}`);
    return parts;
  }

  /** Removes an open upload and its parts (their bytes stay in the data stream until reclaimed). */
  async abort(request: partitionV1.UploadRequest__Output): Promise<void> {
    const name = nameOf(request);
    await this.deps.commit(async (view) => {
      await openUpload(view, name);
      return {
        mutations: [{ key: uploadKey(name.account, name.container, name.blob, name.uploadId), delete: true, deleteRangeEnd: afterUpload(name) }],
        result: undefined,
      };
    });
  }

  /** An open upload and up to `maxParts` of its parts after `partNumberMarker`. */
  async listParts(request: partitionV1.ListPartsRequest__Output & { maxParts: number }): Promise<partitionV1.ListPartsResponse> {
    const name = nameOf(request.upload);
    const upload = await openUpload(this.deps.index, name);
    const parts: partitionV1.PartInfo[] = [];
    let truncated = false;
    const range = { gte: partKey(name, request.partNumberMarker + 1), lt: afterUpload(name), limit: request.maxParts + 1 };
    for await (const [key, value] of this.deps.index.entries(range)) {
      if (parts.length === request.maxParts) {
        truncated = true;
        break;
      }
      parts.push(partInfoOf(Number(key.toString('utf8').slice(-5)), partRecordCodec.decode(value)));
    }
    return { upload: infoOf(name, upload), parts, truncated };
  }
}

/** The upload a request names, with its id checked (a malformed id names no upload). */
function nameOf(request: partitionV1.UploadRequest__Output | null): UploadName {
  if (!request) throw new PartitionError('INVALID_ARGUMENT', 'no upload named');
  checkBlobName(request.blob);
  if (!UPLOAD_ID.test(request.uploadId)) throw new PartitionError('NO_SUCH_UPLOAD', `no upload ${request.uploadId}`);
  return { account: request.account, container: request.container, blob: request.blob, uploadId: request.uploadId };
}

function checkPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > PART_NUMBER_MAX) {
    throw new PartitionError('INVALID_ARGUMENT', `a part number is from 1 to ${PART_NUMBER_MAX}`);
  }
}

function checkPartList(parts: readonly partitionV1.CompletedPart__Output[]): void {
  if (parts.length === 0) throw new PartitionError('INVALID_ARGUMENT', 'an upload is completed with at least one part');
  parts.forEach((part, i) => {
    checkPartNumber(part.partNumber);
    if (i > 0 && part.partNumber <= parts[i - 1]!.partNumber)
      throw new PartitionError('INVALID_PART_ORDER', 'the parts must be listed in ascending part-number order');
  });
}

/** The record of an open upload; NO_SUCH_UPLOAD when it is missing or already completed. */
async function openUpload(view: Pick<IndexView, 'get'>, name: UploadName): Promise<partitionV1.UploadRecord__Output> {
  const value = await view.get(uploadKey(name.account, name.container, name.blob, name.uploadId));
  const record = value ? uploadRecordCodec.decode(value) : undefined;
  if (!record || record.completedMs > 0) throw new PartitionError('NO_SUCH_UPLOAD', `no upload ${name.uploadId}`);
  return record;
}

async function requireContainer(view: IndexView, account: string, container: string): Promise<void> {
  if (!view.hasContainer(containerKey(account, container))) throw new PartitionError('NO_SUCH_CONTAINER', `no container ${container}`);
}

/**
 * A completion of an upload already completed: the same answer when it lists the same parts
 * (a retry), else the upload is gone; a conditional completion learns that another request
 * completed it (S3's 409 ConditionalRequestConflict: start a new upload).
 */
function retriedCompletion(
  request: partitionV1.CompleteUploadRequest__Output,
  upload: partitionV1.UploadRecord__Output,
  etag: string,
): partitionV1.CompleteUploadResponse {
  if (upload.completedEtag === etag) {
    return {
      etag,
      checksumAlgorithm: upload.checksumAlgorithm,
      checksumType: upload.checksumType,
      checksum: upload.completedChecksum,
      versionId: upload.completedVersionId,
    };
  }
  if (request.ifMatch || request.ifNoneMatch) throw new PartitionError('UPLOAD_CONFLICT', 'another request completed the upload with other parts');
  throw new PartitionError('NO_SUCH_UPLOAD', 'the upload was completed');
}

/** S3's multipart ETag: the MD5 of the parts' binary MD5s, then "-" and the part count. */
export function multipartEtag(partEtags: readonly string[]): string {
  const md5 = createHash('md5');
  for (const etag of partEtags) md5.update(Buffer.from(etag, 'hex'));
  return `${md5.digest('hex')}-${partEtags.length}`;
}

export function infoOf(name: UploadName, record: partitionV1.UploadRecord__Output): partitionV1.UploadInfo {
  return {
    account: name.account,
    container: name.container,
    blob: name.blob,
    uploadId: name.uploadId,
    initiatedMs: record.initiatedMs,
    checksumAlgorithm: record.checksumAlgorithm,
    checksumType: record.checksumType,
  };
}

function partInfoOf(partNumber: number, record: partitionV1.PartRecord__Output): partitionV1.PartInfo {
  return {
    partNumber,
    sizeBytes: record.sizeBytes,
    etag: record.etag,
    lastModifiedMs: record.lastModifiedMs,
    checksumAlgorithm: record.checksumAlgorithm,
    checksum: record.checksum,
  };
}
