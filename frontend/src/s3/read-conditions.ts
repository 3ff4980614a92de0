import type { IncomingHttpHeaders } from 'node:http';
import { S3Error } from './errors.js';

/** What a GET or HEAD's conditional headers say to do with an object. */
export type ReadCondition = 'serve' | 'not-modified';

/** The parts of an object its conditional headers are judged on. */
export interface ConditionTarget {
  etag: string;
  lastModifiedMs: number;
}

/**
 * Judges If-Match, If-Unmodified-Since, If-None-Match and If-Modified-Since in RFC 9110's
 * order, which is also S3's: a true If-Match wins over a false If-Unmodified-Since, and a false
 * If-None-Match over a true If-Modified-Since. A date that does not parse is ignored, as HTTP
 * says. Last-Modified has whole seconds on the wire, so the comparison is in seconds.
 * @throws S3Error PreconditionFailed (412) when If-Match or If-Unmodified-Since fails.
 */
export function judgeReadConditions(headers: IncomingHttpHeaders, target: ConditionTarget): ReadCondition {
  const ifMatch = headers['if-match'];
  const modifiedSeconds = Math.floor(target.lastModifiedMs / 1000);
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, target.etag)) throw preconditionFailed('If-Match');
  } else {
    const since = httpDateSeconds(headers['if-unmodified-since']);
    if (since !== undefined && modifiedSeconds > since) throw preconditionFailed('If-Unmodified-Since');
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagListMatches(ifNoneMatch, target.etag) ? 'not-modified' : 'serve';
  const since = httpDateSeconds(headers['if-modified-since']);
  if (since !== undefined && modifiedSeconds <= since) return 'not-modified';
  return 'serve';
}

/** `*`, or a comma-separated list of (possibly weak) entity tags, one of which is `etag`. */
export function etagListMatches(header: string, etag: string): boolean {
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag.replace(/^"(.*)"$/, '$1') === etag;
  });
}

function httpDateSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function preconditionFailed(condition: string): S3Error {
  return new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { condition });
}
