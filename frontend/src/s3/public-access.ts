import { S3Error } from './errors.js';

/**
 * A container's public access, in Azure's terms: private; "blob" lets anyone GET and HEAD its
 * blobs; "container" also lets anyone list it.
 */
export type PublicAccess = '' | 'blob' | 'container';

export function publicAccessOf(value: string | undefined): PublicAccess {
  return value === 'blob' || value === 'container' ? value : '';
}

/** What an anonymous request needs of its container: blob reads, or listing. */
export type AnonymousNeed = 'read-blob' | 'list';

/**
 * Whether a container's public access lets an unsigned request through. Anonymous callers get
 * AccessDenied whether or not the container exists, so that it cannot be probed.
 * @throws S3Error AccessDenied
 */
export function checkAnonymousAccess(need: AnonymousNeed | undefined, access: PublicAccess): void {
  const allowed = need === 'read-blob' ? access === 'blob' || access === 'container' : need === 'list' ? access === 'container' : false;
  if (!allowed) throw new S3Error('AccessDenied', 'Access Denied');
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** The S3 canned ACLs Strata can keep, as container access (it has no per-object ACLs). */
export function accessFromCannedAcl(acl: string): PublicAccess {
  if (acl === 'private') return '';
  // On a bucket S3's public-read lets anyone list it; Strata also lets anyone read its blobs,
  // which is what people setting it for a website or CDN origin want.
  if (acl === 'public-read') return 'container';
  throw new S3Error('NotImplemented', `Strata keeps no ${acl} ACL: use private or public-read.`, { header: 'x-amz-acl' });
}

/** The grants of an AccessControlPolicy body: the owner's, optionally AllUsers READ. */
export function accessFromGrants(
  owner: string,
  grants: ReadonlyArray<{ id?: string | undefined; uri?: string | undefined; permission?: string | undefined }>,
): PublicAccess {
  let access: PublicAccess = '';
  for (const grant of grants) {
    if (grant.id === owner && grant.uri === undefined) continue;
    if (grant.uri === ALL_USERS && grant.permission === 'READ') access = 'container';
    else throw new S3Error('NotImplemented', 'Strata keeps only the owner grant and AllUsers READ on a bucket.');
  }
  return access;
}

/** The GetBucketAcl grants for an access level. */
export function grantsFor(owner: string, access: PublicAccess): Record<string, unknown>[] {
  const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
  const grants: Record<string, unknown>[] = [
    { Grantee: { '@_xmlns:xsi': xsi, '@_xsi:type': 'CanonicalUser', ID: owner, DisplayName: owner }, Permission: 'FULL_CONTROL' },
  ];
  if (access !== '') grants.push({ Grantee: { '@_xmlns:xsi': xsi, '@_xsi:type': 'Group', URI: ALL_USERS }, Permission: 'READ' });
  return grants;
}

/** Canned object ACLs that say nothing beyond "the owner has it", which is all Strata keeps. */
const OWNER_OBJECT_ACLS: ReadonlySet<string> = new Set(['private', 'bucket-owner-full-control', 'bucket-owner-read']);

/**
 * An x-amz-acl on PutObject: Strata has no per-object ACLs, so it accepts an ACL only when it
 * says what the container already does (public-read in a public container; the owner's ACLs).
 * @throws S3Error NotImplemented for any other.
 */
export function checkObjectAcl(acl: string, access: PublicAccess): void {
  if (OWNER_OBJECT_ACLS.has(acl) || (acl === 'public-read' && access !== '')) return;
  throw new S3Error(
    'NotImplemented',
    `Strata has no per-object ACLs: make the bucket public (PutBucketPolicy or PutBucketAcl public-read) rather than sending x-amz-acl: ${acl}.`,
    { header: 'x-amz-acl' },
  );
}
