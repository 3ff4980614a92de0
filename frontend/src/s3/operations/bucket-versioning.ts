import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { readXmlBody, xmlText } from '../xml-body.js';
import { xmlDocument } from '../xml.js';

/** A VersioningConfiguration is two short elements; this leaves room for whitespace and a namespace. */
const VERSIONING_BODY_BYTES_MAX = 4 * 1024;

/**
 * PutBucketVersioning: Status "Enabled" or "Suspended" (kept with the bucket's settings; a
 * bucket once versioned never goes back to unversioned, and S3's schema has no way to ask).
 * Any other Status is 400 MalformedXML, as in S3. MFA delete is not built: MfaDelete
 * "Enabled" is 501 NotImplemented rather than accepted and ignored. Other front-ends see the
 * change within CONTAINER_SETTINGS_TTL_MS (S3 asks to wait up to 15 minutes after a change).
 */
export const putBucketVersioning: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const body = await readXmlBody(request, 'VersioningConfiguration', VERSIONING_BODY_BYTES_MAX);
  const status = xmlText(body, 'Status');
  if (status !== 'Enabled' && status !== 'Suspended') {
    throw new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', { status });
  }
  const mfaDelete = xmlText(body, 'MfaDelete');
  if (mfaDelete !== undefined && mfaDelete !== 'Disabled') {
    throw new S3Error('NotImplemented', 'A header or query you provided implies functionality that is not implemented.', { mfaDelete });
  }
  await partitions.setContainerProperties(
    { account: request.account, container: bucket, properties: { versioning: status }, fields: ['versioning'] },
    request.requestId,
  );
  containers.forget(request.account, bucket);
  return { status: 200 };
};

/** GetBucketVersioning: the bucket's Status, or an empty VersioningConfiguration if versioning was never enabled. */
export const getBucketVersioning: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const info = await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  const status = info.properties?.versioning ?? '';
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: xmlDocument('VersioningConfiguration', status ? { Status: status } : {}),
  };
};
