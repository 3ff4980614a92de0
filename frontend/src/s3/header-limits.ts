import { S3Error } from './errors.js';

/** S3's limit on a request's header section; anything larger is refused with S3's error. */
export const REQUEST_HEADER_BYTES_MAX = 8 * 1024;

/**
 * What Node's HTTP parser accepts before it answers a bare 431 and closes: well above S3's
 * limit, so that between the two the client gets S3's error XML rather than a dropped socket.
 */
export const HTTP_PARSER_HEADER_BYTES_MAX = 64 * 1024;

/**
 * @throws S3Error RequestHeaderSectionTooLarge when the headers (names, values and their
 *   separators, as sent) exceed {@link REQUEST_HEADER_BYTES_MAX}.
 */
export function checkHeaderSection(rawHeaders: readonly string[]): void {
  let bytes = 0;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) bytes += Buffer.byteLength(rawHeaders[i]!) + Buffer.byteLength(rawHeaders[i + 1]!) + 4;
  if (bytes > REQUEST_HEADER_BYTES_MAX) {
    throw new S3Error('RequestHeaderSectionTooLarge', 'Your request header section exceeds the maximum allowed size.', {
      maxSizeAllowed: REQUEST_HEADER_BYTES_MAX,
    });
  }
}
