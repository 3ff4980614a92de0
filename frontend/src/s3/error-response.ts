import type { S3Error } from './errors.js';
import { xmlDocument } from './xml.js';

/** S3's error body: Code, Message, Resource and RequestId, plus the error's details. */
export function errorXml(error: S3Error, resource: string, requestId: string): string {
  const details: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error.details)) {
    if (name === 'cause' || value === undefined) continue;
    details[name.charAt(0).toUpperCase() + name.slice(1)] = String(value);
  }
  return xmlDocument('Error', { Code: error.code, Message: error.message, ...details, Resource: resource, RequestId: requestId }, false);
}
