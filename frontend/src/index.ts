/** The front-end's public surface: the S3 server and its error vocabulary. */
export { buildFrontEnd, type FrontEndDeps } from './server.js';
export { S3_ERROR_STATUS, S3Error, type S3ErrorCode } from './s3/errors.js';
