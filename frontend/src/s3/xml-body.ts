import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';
import { readSmallBody } from './small-body.js';

/**
 * Values are kept as the exact strings sent (no number parsing, no trimming: "0001" and " a "
 * are keys), entities (&amp;, &#10;) decoded, attributes ignored.
 */
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => REPEATED.has(name) });

/** Elements that may repeat in the request bodies Strata reads: always arrays once parsed. */
const REPEATED: ReadonlySet<string> = new Set([
  'Object',
  'Part',
  'CORSRule',
  'Grant',
  'AllowedOrigin',
  'AllowedMethod',
  'AllowedHeader',
  'ExposeHeader',
  'Tag',
]);

/**
 * Reads and parses a small XML request body (DeleteObjects, CORS, tags), after every check the body
 * carries (signed digest, Content-MD5, checksums) has passed. Returns the root element's
 * content, whitespace-only text dropped.
 * @throws S3Error MaxMessageLengthExceeded past `maxBytes`; MalformedXML when it is not
 *   well-formed XML or its root is not `root`; and the body's own check errors.
 */
export async function readXmlBody(request: S3Request, root: string, maxBytes: number): Promise<Record<string, unknown>> {
  return parseXmlDocument((await readSmallBody(request, maxBytes)).toString('utf8'), root);
}

/**
 * Parses an XML document whose root must be `root` and returns the root's content (see
 * readXmlBody).
 * @throws S3Error MalformedXML
 */
export function parseXmlDocument(text: string, root: string): Record<string, unknown> {
  if (text.trim() === '' || XMLValidator.validate(text) !== true) throw malformed();
  const parsed = parser.parse(text) as Record<string, unknown>;
  const content = parsed[root];
  if (content === undefined) throw malformed();
  return typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {};
}

/** The text of a child element, or undefined. */
export function xmlText(element: Record<string, unknown>, name: string): string | undefined {
  const value = element[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && Object.keys(value).every((key) => key === '#text')) {
    return String((value as Record<string, unknown>)['#text'] ?? '');
  }
  throw malformed();
}

/** The texts of a child element that may repeat (AllowedOrigin, say), in order. */
export function xmlTexts(element: Record<string, unknown>, name: string): string[] {
  const value = element[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'object' && item !== null && Object.keys(item).every((key) => key === '#text'))
      return String((item as Record<string, unknown>)['#text'] ?? '');
    throw malformed();
  });
}

/** Child elements that may repeat. */
export function xmlElements(element: Record<string, unknown>, name: string): Record<string, unknown>[] {
  const value = element[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}));
}

export function malformed(): S3Error {
  return new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
}
