/** S3 request authentication: SigV4 (header and presigned), aws-chunked decoding, payload checks. */
export type { AnonymousRequest, AuthContext, AuthResult, CredentialLookup, Credentials, SigV4Request } from './auth-context.js';
export { formatAmzDate, parseAmzDate } from './amz-date.js';
export { AwsChunkedDecoder, createAwsChunkedDecoder, type AwsChunkedDecoderOptions } from './aws-chunked-decoder.js';
export { awsChunkedDecoderOptions, parseTrailerHeader } from './aws-chunked-decoder-options.js';
export { encodeAwsChunked, type AwsChunkedEncodeOptions } from './aws-chunked-encoder.js';
export { CHECKSUM_ALGORITHMS, checksumFromHeaders, type ChecksumAlgorithm, type ExpectedChecksum } from './checksum.js';
export type { ChunkSigningContext } from './chunk-signature.js';
export { isStreamingPayload, parsePayloadMode, type PayloadMode, type StreamingPayloadMode } from './payload-mode.js';
export { createPayloadVerifier, PayloadVerifier, payloadVerifierOptions, type PayloadVerifierOptions } from './payload-verifier.js';
export type { RequestHeaders } from './request-headers.js';
export { SigningKeyCache } from './signing-key-cache.js';
export { S3_SERVICE, verifySigV4, type VerifySigV4Options } from './verify-sigv4.js';
