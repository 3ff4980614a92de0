import { S3Error } from './errors.js';
import type { S3Operation } from './operation.js';
import type { AnonymousNeed } from './public-access.js';
import type { RequestTarget } from './request-target.js';
import { abortMultipartUpload } from './operations/abort-multipart-upload.js';
import { completeMultipartUpload } from './operations/complete-multipart-upload.js';
import { copyObject } from './operations/copy-object.js';
import { createBucket } from './operations/create-bucket.js';
import { createMultipartUpload } from './operations/create-multipart-upload.js';
import { deleteBucket } from './operations/delete-bucket.js';
import { deleteBucketPolicy, getBucketAcl, getBucketPolicy, getBucketPolicyStatus, putBucketAcl, putBucketPolicy } from './operations/bucket-access.js';
import { deleteBucketCors, getBucketCors, putBucketCors } from './operations/bucket-cors.js';
import { deleteObject } from './operations/delete-object.js';
import { deleteObjects } from './operations/delete-objects.js';
import { getBucketLocation } from './operations/get-bucket-location.js';
import { getBucketVersioning, putBucketVersioning } from './operations/bucket-versioning.js';
import { listObjectVersions } from './operations/list-object-versions.js';
import { getObject } from './operations/get-object.js';
import { headBucket } from './operations/head-bucket.js';
import { headObject } from './operations/head-object.js';
import { listBuckets } from './operations/list-buckets.js';
import { listMultipartUploads } from './operations/list-multipart-uploads.js';
import { listObjects, listObjectsV2 } from './operations/list-objects.js';
import { listParts } from './operations/list-parts.js';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from './operations/object-tagging.js';
import { deleteBucketTagging, getBucketTagging, putBucketTagging } from './operations/bucket-tagging.js';
import { putObject } from './operations/put-object.js';
import { uploadPart } from './operations/upload-part.js';
import { uploadPartCopy } from './operations/upload-part-copy.js';

/**
 * S3's sub-resources: a query parameter that names one turns a request into another
 * operation. Those not implemented yet are answered 501 NotImplemented, never served as the
 * plain operation (which would be a wrong success). `versionId` is not one: it names a version
 * for the operations in VERSION_ID_OPERATIONS, and is 501 on any other.
 */
const SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'cors',
  'delete',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'location',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'partNumber',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versioning',
  'versions',
  'website',
] as const;

type Level = 'service' | 'bucket' | 'object';

/** Operations by level, method and sub-resource ('' = none). */
const OPERATIONS: Record<Level, Record<string, S3Operation>> = {
  service: { 'GET ': listBuckets },
  bucket: {
    'PUT ': createBucket,
    'HEAD ': headBucket,
    'DELETE ': deleteBucket,
    'GET ': listObjects,
    'GET list-type=2': listObjectsV2,
    'GET location': getBucketLocation,
    'GET uploads': listMultipartUploads,
    'GET versioning': getBucketVersioning,
    'PUT versioning': putBucketVersioning,
    'GET versions': listObjectVersions,
    'PUT cors': putBucketCors,
    'GET cors': getBucketCors,
    'DELETE cors': deleteBucketCors,
    'POST delete': deleteObjects,
    'PUT policy': putBucketPolicy,
    'GET policy': getBucketPolicy,
    'DELETE policy': deleteBucketPolicy,
    'GET policyStatus': getBucketPolicyStatus,
    'PUT acl': putBucketAcl,
    'GET acl': getBucketAcl,
    'PUT tagging': putBucketTagging,
    'GET tagging': getBucketTagging,
    'DELETE tagging': deleteBucketTagging,
  },
  object: {
    'PUT ': putObject,
    'GET ': getObject,
    'HEAD ': headObject,
    'DELETE ': deleteObject,
    'PUT copy': copyObject,
    'POST uploads': createMultipartUpload,
    'PUT partNumber&uploadId': uploadPart,
    'PUT partNumber&uploadId&copy': uploadPartCopy,
    'POST uploadId': completeMultipartUpload,
    'DELETE uploadId': abortMultipartUpload,
    'GET uploadId': listParts,
    'GET tagging': getObjectTagging,
    'PUT tagging': putObjectTagging,
    'DELETE tagging': deleteObjectTagging,
  },
};

/** The operations that take a `versionId` query parameter. */
const VERSION_ID_OPERATIONS: ReadonlySet<S3Operation> = new Set([getObject, headObject, deleteObject, getObjectTagging, putObjectTagging, deleteObjectTagging]);

/** What the operations open to anonymous callers need of the container's public access. */
const ANONYMOUS_NEEDS = new Map<S3Operation, AnonymousNeed>([
  [getObject, 'read-blob'],
  [headObject, 'read-blob'],
  [listObjects, 'list'],
  [listObjectsV2, 'list'],
  [headBucket, 'list'],
]);

/**
 * What an anonymous call of `operation` needs, or undefined when anonymous callers may never
 * make it. A version named by id is never public (nor is ListObjectVersions): S3's public-read
 * statement grants s3:GetObject, not s3:GetObjectVersion, so an object deleted from a public
 * bucket does not stay readable to anyone who learnt its version id.
 */
export function anonymousNeed(operation: S3Operation, query: URLSearchParams): AnonymousNeed | undefined {
  if (query.has('versionId')) return undefined;
  return ANONYMOUS_NEEDS.get(operation);
}

/** S3's name of an operation (GetObject for getObject). */
export function s3OperationName(operation: S3Operation): string {
  return operation.name.charAt(0).toUpperCase() + operation.name.slice(1);
}

/** The operation a request names; NotImplemented or MethodNotAllowed when Strata has none. */
export function chooseOperation(method: string, target: RequestTarget, headers: Record<string, unknown>): S3Operation {
  const level: Level = target.bucket === undefined ? 'service' : target.key === undefined ? 'bucket' : 'object';
  const subresources = SUBRESOURCES.filter((name) => target.query.has(name));
  let variant = subresources.length > 0 ? subresources.join('&') : '';
  if (level === 'bucket' && method === 'GET' && variant === '' && target.query.get('list-type') === '2') variant = 'list-type=2';
  if (level === 'object' && method === 'PUT' && headers['x-amz-copy-source'] !== undefined) variant = variant === '' ? 'copy' : `${variant}&copy`;
  const operation = OPERATIONS[level][`${method} ${variant}`];
  if (operation && target.query.has('versionId') && !VERSION_ID_OPERATIONS.has(operation)) {
    throw new S3Error('NotImplemented', 'A header or query you provided implies functionality that is not implemented.', { query: 'versionId' });
  }
  if (operation) return operation;
  if (variant !== '' || method === 'POST') {
    throw new S3Error('NotImplemented', 'A header or query you provided implies functionality that is not implemented.', {
      operation: `${method} ${level}?${variant}`,
    });
  }
  throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', { method, resourceType: level.toUpperCase() });
}
