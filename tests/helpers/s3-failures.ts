import { S3ServiceException } from '@aws-sdk/client-s3';

/** What an SDK call that S3 answers with an error status threw: its code and status. */
export async function sdkFailure(promise: Promise<unknown>): Promise<{ code: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return { code: error.name, status: error.$metadata.httpStatusCode };
    throw error;
  }
  throw new Error('the call succeeded');
}

/** The <Code> of an S3 error document (undefined when the body is none). */
export const errorCodeOf = (xml: string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
