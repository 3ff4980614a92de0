import { PartitionError } from '../../errors.js';

/** Public access levels a container may have ('' is private). */
const PUBLIC_ACCESS_LEVELS: ReadonlySet<string> = new Set(['', 'blob', 'container']);

/** A container public access level, checked. */
export function checkPublicAccess(value: string): string {
  if (!PUBLIC_ACCESS_LEVELS.has(value))
    throw new PartitionError('INVALID_ARGUMENT', `public access must be "", "blob" or "container", not ${JSON.stringify(value)}`);
  return value;
}

/** Longest header value a container setting may hold; far more than any Cache-Control needs. */
const HEADER_VALUE_CHARS_MAX = 1024;

/** A value the front-ends will put in a response header: visible ASCII, spaces and tabs only. */
export function checkHeaderValue(value: string): string {
  if (value.length > HEADER_VALUE_CHARS_MAX || !/^[\t\x20-\x7e]*$/.test(value)) {
    throw new PartitionError(
      'INVALID_ARGUMENT',
      `not a valid header value (visible ASCII, at most ${HEADER_VALUE_CHARS_MAX} characters): ${JSON.stringify(value.slice(0, 80))}`,
    );
  }
  return value;
}

/**
 * A container's new versioning state: "Enabled" or "Suspended" (S3's two; a container once
 * versioned never goes back to unversioned, and one never versioned may be suspended).
 */
export function checkVersioningChange(previous: string, next: string): string {
  if (next !== 'Enabled' && next !== 'Suspended')
    throw new PartitionError('INVALID_ARGUMENT', `versioning is "Enabled" or "Suspended", not ${JSON.stringify(next)} (was ${JSON.stringify(previous)})`);
  return next;
}
