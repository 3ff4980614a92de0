/**
 * AWS's URI encoding for SigV4 canonical requests: RFC 3986 unreserved characters
 * (A-Z a-z 0-9 - _ . ~) stay, every other byte becomes %XX with upper-case hex.
 */

const HEX_DIGITS = '0123456789ABCDEF';

/** 1 where the byte is unreserved, built once so the encoders are a table look-up per byte. */
const UNRESERVED = buildUnreservedTable();

function buildUnreservedTable(): Uint8Array {
  const table = new Uint8Array(256);
  const unreserved = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~';
  for (let i = 0; i < unreserved.length; i++) table[unreserved.charCodeAt(i)] = 1;
  return table;
}

const SLASH = 0x2f;

/**
 * Decodes `%XX` escapes once, byte-wise, into the bytes they stand for. Other characters
 * become their UTF-8 bytes. A '%' not followed by two hex digits is kept as a literal '%':
 * the request line is what the client sent, and re-encoding turns it into %25 either way.
 * '+' is a literal plus (S3 does not read it as a space when signing).
 */
export function percentDecode(raw: string): Buffer {
  let at = raw.indexOf('%');
  if (at === -1) return Buffer.from(raw, 'utf8');
  // Decoding never lengthens: one buffer of the UTF-8 length, written in place (every signed
  // request's path and query go through here).
  const out = Buffer.allocUnsafe(Buffer.byteLength(raw, 'utf8'));
  let length = 0;
  let copied = 0;
  for (; at !== -1; at = raw.indexOf('%', at)) {
    const high = hexValue(raw.charCodeAt(at + 1));
    const low = hexValue(raw.charCodeAt(at + 2));
    if (high < 0 || low < 0) {
      at++;
      continue;
    }
    if (at > copied) length += out.write(raw.slice(copied, at), length, 'utf8');
    out[length++] = (high << 4) | low;
    at += 3;
    copied = at;
  }
  if (copied < raw.length) length += out.write(raw.slice(copied), length, 'utf8');
  return out.subarray(0, length);
}

/** The value of a hex digit's character code, or -1 (NaN, past the end, included). */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/** URI-encodes bytes for a canonical query key or value: everything but unreserved, '/' included. */
export function uriEncode(bytes: Uint8Array): string {
  return encodeBytes(bytes, false);
}

/** URI-encodes bytes for a canonical path: like {@link uriEncode} but '/' stays as the separator. */
export function uriEncodePath(bytes: Uint8Array): string {
  return encodeBytes(bytes, true);
}

function encodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (UNRESERVED[byte] === 1 || (keepSlash && byte === SLASH)) continue;
    // Copy the run of bytes that need no escaping in one go: keys are mostly plain ASCII.
    if (i > runStart) out += Buffer.from(bytes.buffer, bytes.byteOffset + runStart, i - runStart).toString('latin1');
    out += '%' + HEX_DIGITS[byte >> 4] + HEX_DIGITS[byte & 0x0f];
    runStart = i + 1;
  }
  if (bytes.length > runStart) {
    out += Buffer.from(bytes.buffer, bytes.byteOffset + runStart, bytes.length - runStart).toString('latin1');
  }
  return out;
}
