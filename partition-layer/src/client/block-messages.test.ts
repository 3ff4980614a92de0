import { randomBytes } from 'node:crypto';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { describe, expect, it } from 'vitest';
import { ChunkedData } from '@strata/stream-layer';
import { withChunkedData } from './block-messages.js';

const putBlob = partitionServerProto().PartitionServer.service.PutBlob;
const uploadPart = partitionServerProto().PartitionServer.service.UploadPart;

describe('block messages', () => {
  it('encode a block as the generated serializer encodes { data } of the joined bytes, at every varint length', () => {
    const serialize = withChunkedData<partitionV1.PutBlobRequest>(putBlob.requestSerialize);
    for (const size of [0, 1, 127, 128, 16_383, 16_384, 1024 * 1024, 2_097_152 + 5]) {
      const body = randomBytes(size);
      const chunks = [body.subarray(0, Math.floor(size / 3)), body.subarray(Math.floor(size / 3))];
      const encoded = serialize(new ChunkedData(chunks, size));
      expect(encoded.equals(putBlob.requestSerialize({ data: body })), `size ${size}`).toBe(true);
      const decoded = uploadPart.requestDeserialize(withChunkedData<partitionV1.UploadPartRequest>(uploadPart.requestSerialize)(new ChunkedData(chunks, size)));
      expect(decoded.part).toBe('data');
      expect(decoded.data?.equals(body)).toBe(true);
    }
    // Every other message goes to the generated serializer.
    const header: partitionV1.PutBlobRequest = { header: { account: 'a', container: 'c', blob: 'b' } };
    expect(serialize(header).equals(putBlob.requestSerialize(header))).toBe(true);
  });
});
