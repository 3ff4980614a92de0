import { S3Error } from '../s3/errors.js';
import type { AuthContext } from './auth-context.js';
import type { AwsChunkedDecoderOptions } from './aws-chunked-decoder.js';
import { checksumAlgorithmOf } from './checksum.js';
import { isStreamingPayload } from './payload-mode.js';
import { headerValue, type RequestHeaders } from './request-headers.js';

/**
 * Decoder options for a verified request, or undefined when its body is not aws-chunked
 * (x-amz-content-sha256 is a digest or UNSIGNED-PAYLOAD). Trailer names are taken from
 * x-amz-trailer only in the trailer modes, so a signed body can never carry unsigned trailers.
 * @throws S3Error InvalidRequest when x-amz-trailer names anything but one x-amz-checksum-*
 *   trailer; InvalidArgument when x-amz-decoded-content-length is not a non-negative integer.
 */
export function awsChunkedDecoderOptions(auth: AuthContext, headers: RequestHeaders): AwsChunkedDecoderOptions | undefined {
  const payload = auth.payload;
  if (!isStreamingPayload(payload)) return undefined;
  const options: AwsChunkedDecoderOptions = { payload };
  if (payload.kind === 'streaming-signed') {
    options.signing = { signingKey: auth.signingKey, amzDate: auth.amzDate, scope: auth.scope, seedSignature: auth.signature };
  }
  const hasTrailer = payload.kind === 'streaming-unsigned-trailer' || payload.trailer;
  const trailer = headerValue(headers, 'x-amz-trailer');
  if (hasTrailer && trailer !== undefined) options.trailerNames = parseTrailerHeader(trailer);
  const decodedLength = headerValue(headers, 'x-amz-decoded-content-length');
  if (decodedLength !== undefined) options.decodedContentLength = parseDecodedContentLength(decodedLength);
  return options;
}

/**
 * The trailer names of an x-amz-trailer value, lower-cased. S3 accepts trailers for checksums
 * only, and one checksum per request.
 * @throws S3Error InvalidRequest for another name or more than one.
 */
export function parseTrailerHeader(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length > 1) throw new S3Error('InvalidRequest', 'Expecting a single x-amz-checksum- trailer. Multiple checksum Types are not allowed.');
  for (const name of names) {
    if (checksumAlgorithmOf(name) === undefined) throw new S3Error('InvalidRequest', `The trailer ${name} is not supported.`);
  }
  return names;
}

function parseDecodedContentLength(value: string): number {
  const length = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(length)) {
    throw new S3Error('InvalidArgument', 'x-amz-decoded-content-length must be a non-negative integer.', {
      argumentName: 'x-amz-decoded-content-length',
      argumentValue: value,
    });
  }
  return length;
}
