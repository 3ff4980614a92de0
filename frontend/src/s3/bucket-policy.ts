import { rethrowIfAssertion } from '@strata/common';
import { S3Error } from './errors.js';
import type { PublicAccess } from './public-access.js';

interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
  NotAction?: unknown;
  NotPrincipal?: unknown;
  NotResource?: unknown;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The container access a bucket policy grants, for the policies Strata can keep exactly: the
 * standard public-read statement (Allow, Principal "*", s3:GetObject on `arn:aws:s3:::B/*`),
 * optionally with s3:ListBucket on `arn:aws:s3:::B`. Any other grant answers 501, since
 * storing a policy Strata would not enforce would be a wrong success.
 * @throws S3Error MalformedPolicy (not JSON, no statements, a resource of another bucket),
 *   NotImplemented (other principals, actions, effects or conditions).
 */
export function accessFromPolicy(text: string, bucket: string): PublicAccess {
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(text) as { Statement?: unknown };
  } catch (error) {
    rethrowIfAssertion(error);
    throw new S3Error('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'");
  }
  const statements = list(policy?.Statement) as Statement[];
  if (statements.length === 0) throw new S3Error('MalformedPolicy', 'Missing required field Statement');
  const objects = `arn:aws:s3:::${bucket}/*`;
  const container = `arn:aws:s3:::${bucket}`;
  let readBlobs = false;
  let listBlobs = false;
  for (const statement of statements) {
    if (typeof statement !== 'object' || statement === null) throw new S3Error('MalformedPolicy', 'A statement must be an object');
    for (const resource of list(statement.Resource)) {
      if (resource !== objects && resource !== container) throw new S3Error('MalformedPolicy', 'Policy has invalid resource', { resource: String(resource) });
    }
    if (
      statement.Effect !== 'Allow' ||
      !isAnyone(statement.Principal) ||
      statement.Condition !== undefined ||
      statement.NotAction !== undefined ||
      statement.NotPrincipal !== undefined ||
      statement.NotResource !== undefined
    ) {
      throw unsupported();
    }
    for (const action of list(statement.Action)) {
      if (action === 's3:GetObject' && list(statement.Resource).includes(objects)) readBlobs = true;
      else if (action === 's3:ListBucket' && list(statement.Resource).includes(container)) listBlobs = true;
      else throw unsupported();
    }
  }
  if (!readBlobs) throw unsupported();
  return listBlobs ? 'container' : 'blob';
}

/** The policy GetBucketPolicy shows for an access level (undefined: private, no policy). */
export function policyFor(bucket: string, access: PublicAccess): string | undefined {
  if (access === '') return undefined;
  const statements: Record<string, unknown>[] = [
    { Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` },
  ];
  if (access === 'container')
    statements.push({ Sid: 'PublicListBucket', Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Principal "*" or {"AWS": "*"} (or a list of "*"): anyone, signed or not. */
function isAnyone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return false;
  const keys = Object.keys(principal);
  const aws = list((principal as { AWS?: unknown }).AWS);
  return keys.length === 1 && keys[0] === 'AWS' && aws.length > 0 && aws.every((p) => p === '*');
}

function unsupported(): S3Error {
  return new S3Error('NotImplemented', 'Strata keeps bucket policies that let anyone s3:GetObject (and s3:ListBucket) only.');
}
