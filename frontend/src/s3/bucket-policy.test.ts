import { describe, expect, it } from 'vitest';
import { accessFromPolicy, policyFor } from './bucket-policy.js';
import { S3Error } from './errors.js';

const read = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' };
const listing = { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::site'] };
const policy = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof S3Error) return error.code;
    throw error;
  }
  return 'accepted';
};

describe('bucket policies', () => {
  it('keeps the standard public-read statement as blob access, and with s3:ListBucket as container access', () => {
    expect(accessFromPolicy(policy(read), 'site')).toBe('blob');
    expect(accessFromPolicy(JSON.stringify({ Statement: read }), 'site')).toBe('blob');
    expect(accessFromPolicy(policy(read, listing), 'site')).toBe('container');
  });

  it('reads back what it keeps', () => {
    expect(policyFor('site', '')).toBeUndefined();
    expect(accessFromPolicy(policyFor('site', 'blob')!, 'site')).toBe('blob');
    expect(accessFromPolicy(policyFor('site', 'container')!, 'site')).toBe('container');
  });

  it('answers MalformedPolicy for text that is no policy or names another bucket', () => {
    expect(codeOf(() => accessFromPolicy('not json', 'site'))).toBe('MalformedPolicy');
    expect(codeOf(() => accessFromPolicy('{}', 'site'))).toBe('MalformedPolicy');
    expect(codeOf(() => accessFromPolicy(policy('a string'), 'site'))).toBe('MalformedPolicy');
    expect(codeOf(() => accessFromPolicy(policy({ ...read, Resource: 'arn:aws:s3:::other/*' }), 'site'))).toBe('MalformedPolicy');
  });

  it('answers NotImplemented for grants it could not enforce, rather than storing them', () => {
    const refused = [
      { ...read, Effect: 'Deny' },
      { ...read, Principal: { AWS: 'arn:aws:iam::123456789012:root' } },
      { ...read, Principal: { Service: 'cloudfront.amazonaws.com' } },
      { ...read, Principal: { AWS: '*', Service: 'x' } },
      { ...read, Principal: { AWS: [] } },
      { ...read, Principal: undefined },
      { ...read, Action: 's3:PutObject' },
      { ...read, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      { ...read, NotPrincipal: '*' },
    ];
    for (const statement of refused)
      expect(
        codeOf(() => accessFromPolicy(policy(statement), 'site')),
        JSON.stringify(statement),
      ).toBe('NotImplemented');
    // Listing alone is no public-read policy.
    expect(codeOf(() => accessFromPolicy(policy(listing), 'site'))).toBe('NotImplemented');
  });
});
