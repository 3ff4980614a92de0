import { accessFromPolicy, policyFor } from '../bucket-policy.js';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, type S3Deps, type S3Operation, type S3Request } from '../operation.js';
import { accessFromCannedAcl, accessFromGrants, grantsFor, publicAccessOf, type PublicAccess } from '../public-access.js';
import { readSmallBody } from '../small-body.js';
import { readXmlBody, xmlElements, xmlText } from '../xml-body.js';
import { xmlDocument } from '../xml.js';

/** S3's limit on a bucket policy. */
const POLICY_BYTES_MAX = 20 * 1024;
const ACL_BODY_BYTES_MAX = 64 * 1024;

async function setAccess(request: S3Request, { partitions, containers }: S3Deps, access: PublicAccess): Promise<void> {
  const bucket = bucketOf(request);
  await partitions.setContainerProperties(
    { account: request.account, container: bucket, properties: { publicAccess: access }, fields: ['public_access'] },
    request.requestId,
  );
  containers.forget(request.account, bucket);
}

async function accessOf(request: S3Request, { partitions }: S3Deps): Promise<PublicAccess> {
  const info = await partitions.getContainer({ account: request.account, container: bucketOf(request) }, request.requestId);
  return publicAccessOf(info.properties?.publicAccess);
}

/** PutBucketPolicy: the standard public-read policy makes the container's blobs public. */
export const putBucketPolicy: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  const text = (await readSmallBody(request, POLICY_BYTES_MAX)).toString('utf8');
  await setAccess(request, deps, accessFromPolicy(text, bucketOf(request)));
  return { status: 204 };
};

/** GetBucketPolicy: the policy of a public container; 404 NoSuchBucketPolicy for a private one. */
export const getBucketPolicy: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  const policy = policyFor(bucketOf(request), await accessOf(request, deps));
  if (policy === undefined) throw new S3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', { bucketName: bucketOf(request) });
  return { status: 200, headers: { 'content-type': 'application/json' }, body: policy };
};

/** DeleteBucketPolicy: the container becomes private. */
export const deleteBucketPolicy: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  await setAccess(request, deps, '');
  return { status: 204 };
};

/** GetBucketPolicyStatus: whether the container is public. */
export const getBucketPolicyStatus: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  const isPublic = (await accessOf(request, deps)) !== '';
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('PolicyStatus', { IsPublic: String(isPublic).toUpperCase() }) };
};

/** PutBucketAcl: a canned x-amz-acl (private, public-read) or an AccessControlPolicy body. */
export const putBucketAcl: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  const canned = request.headers['x-amz-acl'];
  let access: PublicAccess;
  if (typeof canned === 'string') {
    access = accessFromCannedAcl(canned);
  } else {
    const policy = await readXmlBody(request, 'AccessControlPolicy', ACL_BODY_BYTES_MAX);
    const list = (policy.AccessControlList ?? {}) as Record<string, unknown>;
    const grants = xmlElements(list, 'Grant').map((grant) => {
      const grantee = (grant.Grantee ?? {}) as Record<string, unknown>;
      return { id: xmlText(grantee, 'ID'), uri: xmlText(grantee, 'URI'), permission: xmlText(grant, 'Permission') };
    });
    access = accessFromGrants(request.account, grants);
  }
  await setAccess(request, deps, access);
  return { status: 200 };
};

/** GetBucketAcl: the owner's FULL_CONTROL, and AllUsers READ for a public container. */
export const getBucketAcl: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  const access = await accessOf(request, deps);
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: xmlDocument('AccessControlPolicy', {
      Owner: { ID: request.account, DisplayName: request.account },
      AccessControlList: { Grant: grantsFor(request.account, access) },
    }),
  };
};
