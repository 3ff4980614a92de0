import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false, format: false });

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** An XML document with declaration: `xmlDocument('Error', {...})`. */
export function xmlDocument(root: string, body: Record<string, unknown>, namespaced = true): string {
  const content = namespaced ? { '@_xmlns': S3_XMLNS, ...body } : body;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: content }) as string}`;
}

/** S3's timestamp format in XML bodies: ISO 8601 with milliseconds. */
export function xmlTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
