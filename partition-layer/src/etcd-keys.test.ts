import { describe, expect, it } from 'vitest';
import { decodeMapEntry, encodeMapEntry } from './etcd-keys.js';

describe('map entries in etcd', () => {
  it('reads an entry written before the generation was renamed (stored as `epoch`)', () => {
    const stored =
      '{"partitionId":"p-4","lowKey":"a","highKey":"","streams":{"logStreamId":"s-1","dataStreamId":"s-2"},"ownerId":"ps-1","epoch":7,"previousOwnerId":"ps-2"}';
    expect(decodeMapEntry(stored)).toEqual({
      partitionId: 'p-4',
      lowKey: 'a',
      highKey: '',
      streams: { logStreamId: 's-1', dataStreamId: 's-2' },
      ownerId: 'ps-1',
      generation: 7,
      previousOwnerId: 'ps-2',
    });
  });

  it('keeps the stored name `epoch`, so servers not yet upgraded read what upgraded ones write', () => {
    const raw = encodeMapEntry({ partitionId: 'p-1', lowKey: '', highKey: '', ownerId: 'ps-1', generation: 3 });
    expect(JSON.parse(raw)).toEqual({ partitionId: 'p-1', lowKey: '', highKey: '', ownerId: 'ps-1', epoch: 3 });
    expect(decodeMapEntry(raw).generation).toBe(3);
  });
});
