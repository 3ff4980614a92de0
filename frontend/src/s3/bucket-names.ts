import { S3Error } from './errors.js';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * S3's general-purpose bucket naming rules: 3 to 63 lower-case letters, digits, dots and
 * hyphens, starting and ending with a letter or digit, no ".." , not an IP address, none of
 * the reserved prefixes and suffixes. Throws InvalidBucketName.
 */
export function checkBucketName(name: string): void {
  const valid =
    BUCKET_NAME.test(name) &&
    !name.includes('..') &&
    !IP_ADDRESS.test(name) &&
    !RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)) &&
    !RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix));
  if (!valid) throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { bucketName: name });
}
