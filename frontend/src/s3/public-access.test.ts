import { describe, expect, it } from 'vitest';
import { S3Error } from './errors.js';
import { accessFromCannedAcl, accessFromGrants, checkAnonymousAccess, checkObjectAcl, grantsFor, publicAccessOf } from './public-access.js';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof S3Error) return error.code;
    throw error;
  }
  return 'accepted';
};
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

describe('public access', () => {
  it('lets anonymous reads into blob and container access, and listing into container access only', () => {
    expect(codeOf(() => checkAnonymousAccess('read-blob', ''))).toBe('AccessDenied');
    expect(codeOf(() => checkAnonymousAccess('read-blob', 'blob'))).toBe('accepted');
    expect(codeOf(() => checkAnonymousAccess('read-blob', 'container'))).toBe('accepted');
    expect(codeOf(() => checkAnonymousAccess('list', 'blob'))).toBe('AccessDenied');
    expect(codeOf(() => checkAnonymousAccess('list', 'container'))).toBe('accepted');
    // Writes and every other operation never go through anonymously.
    expect(codeOf(() => checkAnonymousAccess(undefined, 'container'))).toBe('AccessDenied');
    expect(publicAccessOf('anything else')).toBe('');
  });

  it('maps canned bucket ACLs and grants, refusing the ones it cannot keep', () => {
    expect(accessFromCannedAcl('private')).toBe('');
    expect(accessFromCannedAcl('public-read')).toBe('container');
    expect(codeOf(() => accessFromCannedAcl('public-read-write'))).toBe('NotImplemented');
    expect(accessFromGrants('owner', [{ id: 'owner', permission: 'FULL_CONTROL' }])).toBe('');
    expect(
      accessFromGrants('owner', [
        { id: 'owner', permission: 'FULL_CONTROL' },
        { uri: ALL_USERS, permission: 'READ' },
      ]),
    ).toBe('container');
    expect(codeOf(() => accessFromGrants('owner', [{ uri: ALL_USERS, permission: 'WRITE' }]))).toBe('NotImplemented');
    expect(codeOf(() => accessFromGrants('owner', [{ id: 'someone-else', permission: 'READ' }]))).toBe('NotImplemented');
    expect(accessFromGrants('owner', grantsFor('owner', 'container').map(toGrant))).toBe('container');
    expect(accessFromGrants('owner', grantsFor('owner', '').map(toGrant))).toBe('');
  });

  it('accepts object ACLs only when they say what the container already does', () => {
    expect(codeOf(() => checkObjectAcl('private', ''))).toBe('accepted');
    expect(codeOf(() => checkObjectAcl('bucket-owner-full-control', 'blob'))).toBe('accepted');
    expect(codeOf(() => checkObjectAcl('public-read', 'blob'))).toBe('accepted');
    expect(codeOf(() => checkObjectAcl('public-read', ''))).toBe('NotImplemented');
    expect(codeOf(() => checkObjectAcl('authenticated-read', 'container'))).toBe('NotImplemented');
  });
});

function toGrant(grant: Record<string, unknown>): { id?: string; uri?: string; permission?: string } {
  const grantee = grant.Grantee as { ID?: string; URI?: string };
  return { ...(grantee.ID ? { id: grantee.ID } : {}), ...(grantee.URI ? { uri: grantee.URI } : {}), permission: grant.Permission as string };
}
