import type { S3Operation } from '../operation.js';
import { xmlDocument, xmlTimestamp } from '../xml.js';

/** Every bucket (container) of the request's account. */
export const listBuckets: S3Operation = async (request, { partitions }) => {
  const { containers } = await partitions.listContainers({ account: request.account, startAfter: '', maxResults: 10_000 }, request.requestId);
  const body = xmlDocument('ListAllMyBucketsResult', {
    Owner: { ID: request.account, DisplayName: request.account },
    Buckets: { Bucket: containers.map((c) => ({ Name: c.container, CreationDate: xmlTimestamp(c.createdMs) })) },
  });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};
