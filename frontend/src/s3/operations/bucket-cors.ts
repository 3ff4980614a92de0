import { checkBucketName } from '../bucket-names.js';
import { corsRulesFromXml, corsRulesToXml } from '../cors-rules.js';
import { S3Error } from '../errors.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { readXmlBody } from '../xml-body.js';
import { xmlDocument } from '../xml.js';

/** 100 rules with their origins, methods and headers fit well inside this. */
const CORS_BODY_BYTES_MAX = 64 * 1024;

/** PutBucketCors: replaces the bucket's CORS rules. */
export const putBucketCors: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const corsRules = corsRulesFromXml(await readXmlBody(request, 'CORSConfiguration', CORS_BODY_BYTES_MAX));
  await partitions.setContainerProperties(
    { account: request.account, container: bucket, properties: { corsRules }, fields: ['cors_rules'] },
    request.requestId,
  );
  containers.forget(request.account, bucket);
  return { status: 200 };
};

/** GetBucketCors: the rules, or 404 NoSuchCORSConfiguration when there are none. */
export const getBucketCors: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const info = await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  const rules = info.properties?.corsRules ?? [];
  if (rules.length === 0) throw new S3Error('NoSuchCORSConfiguration', 'The CORS configuration does not exist', { bucketName: bucket });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('CORSConfiguration', corsRulesToXml(rules)) };
};

/** DeleteBucketCors: removes the rules (204 even when there were none, as in S3). */
export const deleteBucketCors: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.setContainerProperties(
    { account: request.account, container: bucket, properties: { corsRules: [] }, fields: ['cors_rules'] },
    request.requestId,
  );
  containers.forget(request.account, bucket);
  return { status: 204 };
};
