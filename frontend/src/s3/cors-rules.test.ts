import { describe, expect, it } from 'vitest';
import { corsHeaders, corsRulesFromXml, matchCorsRule } from './cors-rules.js';

const rule = (overrides: Partial<Parameters<typeof corsHeaders>[0]> = {}) => ({
  id: '',
  allowedOrigins: ['https://*.example.com'],
  allowedMethods: ['GET', 'HEAD'],
  allowedHeaders: ['x-amz-*', 'content-type'],
  exposeHeaders: ['ETag'],
  maxAgeSeconds: 600,
  ...overrides,
});

describe('CORS rules', () => {
  it('matches origin wildcards, methods and requested headers (case-insensitively)', () => {
    const rules = [rule()];
    expect(matchCorsRule(rules, 'https://cdn.example.com', 'GET', ['X-Amz-Date', 'content-type'])).toBeDefined();
    expect(matchCorsRule(rules, 'https://example.org', 'GET')).toBeUndefined();
    expect(matchCorsRule(rules, 'https://cdn.example.com', 'PUT')).toBeUndefined();
    expect(matchCorsRule(rules, 'https://cdn.example.com', 'GET', ['authorization'])).toBeUndefined();
  });

  it('echoes the origin (with credentials) unless the rule allows any origin', () => {
    expect(corsHeaders(rule(), 'https://a.example.com', ['content-type'])).toEqual({
      'access-control-allow-origin': 'https://a.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'content-type',
      'access-control-expose-headers': 'ETag',
      'access-control-max-age': '600',
    });
    expect(corsHeaders(rule({ allowedOrigins: ['*'], exposeHeaders: [], maxAgeSeconds: 0 }), 'https://x.org')).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD',
    });
  });

  it('reads a configuration, and refuses what S3 refuses', () => {
    const parsed = corsRulesFromXml({ CORSRule: [{ ID: 'r1', AllowedOrigin: ['*'], AllowedMethod: ['GET', 'PUT'], MaxAgeSeconds: '30' }] });
    expect(parsed).toEqual([{ id: 'r1', allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: 30 }]);
    const code = (configuration: Record<string, unknown>): string => {
      try {
        corsRulesFromXml(configuration);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code({})).toBe('MalformedXML');
    expect(code({ CORSRule: [{ AllowedMethod: ['GET'] }] })).toBe('MalformedXML');
    expect(code({ CORSRule: [{ AllowedOrigin: ['*'], AllowedMethod: ['PATCH'] }] })).toBe('InvalidRequest');
    expect(code({ CORSRule: [{ AllowedOrigin: ['*.*.com'], AllowedMethod: ['GET'] }] })).toBe('InvalidRequest');
    expect(code({ CORSRule: [{ AllowedOrigin: ['*'], AllowedMethod: ['GET'], MaxAgeSeconds: 'soon' }] })).toBe('MalformedXML');
  });
});
