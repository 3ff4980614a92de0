import type { partitionV1 } from '@strata/protos';
import { S3Error } from './errors.js';
import { malformed, xmlElements, xmlText, xmlTexts } from './xml-body.js';

/** S3's limit on the rules of one bucket CORS configuration. */
const RULES_MAX = 100;
const CORS_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

type CorsRule = partitionV1.CorsRule__Output;

/**
 * The rules of a PutBucketCors body (the content of its CORSConfiguration element).
 * @throws S3Error MalformedXML (no rule, a rule without origin or method, over 100 rules, a bad
 *   MaxAgeSeconds), InvalidRequest (a method other than GET, PUT, POST, DELETE, HEAD; an origin
 *   or header with more than one wildcard).
 */
export function corsRulesFromXml(configuration: Record<string, unknown>): partitionV1.CorsRule[] {
  const rules = xmlElements(configuration, 'CORSRule');
  if (rules.length === 0 || rules.length > RULES_MAX) throw malformed();
  return rules.map((rule) => {
    const texts = (name: string): string[] => xmlTexts(rule, name).map((text) => text.trim());
    const allowedOrigins = texts('AllowedOrigin');
    const allowedMethods = texts('AllowedMethod');
    if (allowedOrigins.length === 0 || allowedMethods.length === 0) throw malformed();
    for (const method of allowedMethods) {
      if (!CORS_METHODS.has(method)) throw new S3Error('InvalidRequest', `Found unsupported HTTP method in CORS config. Unsupported method is ${method}`);
    }
    const allowedHeaders = texts('AllowedHeader');
    for (const pattern of [...allowedOrigins, ...allowedHeaders]) {
      if (pattern.split('*').length > 2) throw new S3Error('InvalidRequest', `AllowedOrigin and AllowedHeader may hold at most one wildcard: "${pattern}"`);
    }
    const maxAge = xmlText(rule, 'MaxAgeSeconds');
    if (maxAge !== undefined && !/^\d{1,9}$/.test(maxAge.trim())) throw malformed();
    return {
      id: xmlText(rule, 'ID') ?? '',
      allowedOrigins,
      allowedMethods,
      allowedHeaders,
      exposeHeaders: texts('ExposeHeader'),
      maxAgeSeconds: maxAge === undefined ? 0 : Number(maxAge.trim()),
    };
  });
}

/** The GetBucketCors body of stored rules. */
export function corsRulesToXml(rules: readonly CorsRule[]): Record<string, unknown> {
  return {
    CORSRule: rules.map((rule) => ({
      ...(rule.id ? { ID: rule.id } : {}),
      AllowedOrigin: rule.allowedOrigins,
      AllowedMethod: rule.allowedMethods,
      ...(rule.allowedHeaders.length ? { AllowedHeader: rule.allowedHeaders } : {}),
      ...(rule.exposeHeaders.length ? { ExposeHeader: rule.exposeHeaders } : {}),
      ...(rule.maxAgeSeconds ? { MaxAgeSeconds: rule.maxAgeSeconds } : {}),
    })),
  };
}

/** A pattern with at most one `*` standing for any run of characters. */
function wildcardMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const [p, v] = ignoreCase ? [pattern.toLowerCase(), value.toLowerCase()] : [pattern, value];
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

/**
 * The first rule that allows `origin` to use `method`, sending `requestHeaders` (a preflight's
 * Access-Control-Request-Headers), as S3 picks it; undefined when none does.
 */
export function matchCorsRule(rules: readonly CorsRule[], origin: string, method: string, requestHeaders: readonly string[] = []): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((pattern) => wildcardMatches(pattern, origin)) &&
      rule.allowedMethods.includes(method) &&
      requestHeaders.every((header) => rule.allowedHeaders.some((pattern) => wildcardMatches(pattern, header, true))),
  );
}

/**
 * The Access-Control-* headers a matched rule grants: the origin echoed (or `*` when the rule
 * allows any origin), its methods, exposed headers and max age. `Vary` is set by the caller on
 * every answer of a bucket with CORS rules, matched or not, so caches keep answers per origin.
 */
export function corsHeaders(rule: CorsRule, origin: string, requestHeaders: readonly string[] = []): Record<string, string> {
  const headers: Record<string, string> = {
    'access-control-allow-origin': rule.allowedOrigins.includes('*') ? '*' : origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
  };
  if (!rule.allowedOrigins.includes('*')) headers['access-control-allow-credentials'] = 'true';
  if (requestHeaders.length > 0) headers['access-control-allow-headers'] = requestHeaders.join(', ');
  if (rule.exposeHeaders.length > 0) headers['access-control-expose-headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds > 0) headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  return headers;
}

/** The Vary value of an answer from a bucket with CORS rules. */
export const CORS_VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';
