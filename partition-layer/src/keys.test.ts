import { describe, expect, it } from 'vitest';
import {
  afterBlobUploads,
  afterUpload,
  blobKey,
  compareKeys,
  isUploadKey,
  isVersionKey,
  parseKey,
  partKey,
  splitPointFor,
  uploadKey,
  versionRecordKey,
  versionsEnd,
  versionsStart,
} from './keys.js';
import { versionKeyOf } from './partition-server/versions/version-id.js';

const upload = { account: 'acct', container: 'box', blob: 'a/b', uploadId: '0123456789abcdef0123456789abcdef' };

describe('upload keys', () => {
  it('sort a blob, then its uploads with their parts in number order, then the next blob', () => {
    const keys = [
      blobKey('acct', 'box', 'a/b'),
      uploadKey('acct', 'box', 'a/b', upload.uploadId),
      partKey(upload, 2),
      partKey(upload, 10),
      partKey(upload, 10_000),
      uploadKey('acct', 'box', 'a/b', 'f'.repeat(32)),
      blobKey('acct', 'box', 'a/b\u0001'),
      blobKey('acct', 'box', 'a/b!'),
      blobKey('acct', 'box', 'a/bb'),
    ];
    expect([...keys].sort(compareKeys)).toEqual(keys);
    expect(compareKeys(partKey(upload, 10_000), afterUpload(upload))).toBeLessThan(0);
    expect(compareKeys(afterUpload(upload), uploadKey('acct', 'box', 'a/b', 'f'.repeat(32)))).toBeLessThan(0);
    expect(compareKeys(uploadKey('acct', 'box', 'a/b', 'f'.repeat(32)), afterBlobUploads('acct', 'box', 'a/b'))).toBeLessThan(0);
    expect(compareKeys(afterBlobUploads('acct', 'box', 'a/b'), blobKey('acct', 'box', 'a/b\u0001'))).toBeLessThanOrEqual(0);
  });

  it('parse back into their parts, and only upload records count as upload keys', () => {
    expect(parseKey(uploadKey('acct', 'box', 'a/b', upload.uploadId))).toEqual({ kind: 'upload', ...upload });
    expect(parseKey(partKey(upload, 42))).toEqual({ kind: 'part', ...upload, partNumber: 42 });
    expect(isUploadKey(uploadKey('acct', 'box', 'a/b', upload.uploadId))).toBe(true);
    expect(isUploadKey(partKey(upload, 1))).toBe(false);
    expect(isUploadKey(blobKey('acct', 'box', 'a/b'))).toBe(false);
  });

  it('never let a split fall between a blob and its uploads', () => {
    const blob = blobKey('acct', 'box', 'a/b').toString();
    expect(splitPointFor(uploadKey('acct', 'box', 'a/b', upload.uploadId).toString())).toBe(blob);
    expect(splitPointFor(partKey(upload, 7).toString())).toBe(blob);
    expect(splitPointFor(blob)).toBe(blob);
    expect(splitPointFor('no separators')).toBe('no separators');
  });
});

describe('version keys', () => {
  const newer = versionKeyOf(2_000_000);
  const older = versionKeyOf(1_000_000);

  it('sort a blob, then its noncurrent versions newest first, then its uploads, then the next blob', () => {
    const keys = [
      blobKey('acct', 'box', 'a/b'),
      versionsStart('acct', 'box', 'a/b'),
      versionRecordKey('acct', 'box', 'a/b', newer),
      versionRecordKey('acct', 'box', 'a/b', older),
      versionsEnd('acct', 'box', 'a/b'),
      uploadKey('acct', 'box', 'a/b', upload.uploadId),
      blobKey('acct', 'box', 'a/b!'),
    ];
    expect([...keys].sort(compareKeys)).toEqual(keys);
  });

  it('parse as versions, never as uploads, and a split never falls between a blob and its versions', () => {
    const key = versionRecordKey('acct', 'box', 'a/b', newer);
    expect(parseKey(key)).toEqual({ kind: 'version', account: 'acct', container: 'box', blob: 'a/b', versionKey: newer });
    expect(isVersionKey(key)).toBe(true);
    expect(isUploadKey(key)).toBe(false);
    expect(isVersionKey(uploadKey('acct', 'box', 'a/b', upload.uploadId))).toBe(false);
    expect(isVersionKey(blobKey('acct', 'box', 'a/b'))).toBe(false);
    expect(splitPointFor(key.toString())).toBe(blobKey('acct', 'box', 'a/b').toString());
  });
});
