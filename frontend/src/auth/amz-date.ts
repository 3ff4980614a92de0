/** SigV4 timestamps: the ISO 8601 basic form `YYYYMMDDTHHMMSSZ` and the HTTP Date header. */

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Milliseconds since the epoch of an `x-amz-date` value such as `20130524T000000Z`, or
 * undefined when it is not exactly that form or names no real instant (month 13, Feb 30).
 */
export function parseAmzDate(value: string): number | undefined {
  const match = AMZ_DATE.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls over out-of-range fields; a date whose fields read back differently was not real.
  const date = new Date(ms);
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return real ? ms : undefined;
}

/**
 * Milliseconds since the epoch of an HTTP `Date` header (RFC 7231 IMF-fixdate, e.g.
 * `Fri, 24 May 2013 00:00:00 GMT`), or undefined when it is not one.
 */
export function parseHttpDate(value: string): number | undefined {
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `YYYYMMDDTHHMMSSZ` of an instant (whole seconds, UTC). */
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
