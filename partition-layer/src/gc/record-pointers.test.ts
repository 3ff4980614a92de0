import { describe, expect, it } from 'vitest';
import { blobKey, uploadKey, versionRecordKey } from '../keys.js';
import { blobRecordCodec, uploadRecordCodec } from '../records.js';
import { versionKeyOf } from '../partition-server/versions/version-id.js';
import { pointersOf, withPointers } from './record-pointers.js';

const pointer = (extentId: string, offset: number) => ({ extentId, offset, dataBytes: 10 });

describe('pointersOf', () => {
  it("counts a noncurrent version's blocks as live, like its blob's current record, and rewrites them the same way", () => {
    const record = { sizeBytes: 20, etag: 'e', lastModifiedMs: 1, blocks: [pointer('x1', 0), pointer('x1', 100)], versionId: 'v'.repeat(32) };
    const value = blobRecordCodec.encode(record);
    const versionKey = versionRecordKey('acct', 'box', 'a', versionKeyOf(5));
    expect(pointersOf(versionKey, value).map((p) => p.extentId)).toEqual(['x1', 'x1']);
    expect(pointersOf(blobKey('acct', 'box', 'a'), value)).toHaveLength(2);
    const moved = blobRecordCodec.decode(withPointers(versionKey, value, [pointer('x2', 0), pointer('x2', 50)]));
    expect(moved.blocks.map((p) => p.extentId)).toEqual(['x2', 'x2']);
    expect(moved.versionId).toBe(record.versionId);
  });

  it("holds no pointer for an upload's record (three separators without the version mark)", () => {
    expect(pointersOf(uploadKey('acct', 'box', 'a', '0'.repeat(32)), uploadRecordCodec.encode({ initiatedMs: 1 }))).toEqual([]);
  });
});
