import { Readable } from 'node:stream';
import { ignoreError } from '@strata/common';

/**
 * A response body whose first chunk has already been read: a read that fails before its first
 * byte (every replica of the extent unreachable) throws here, while the operation can still
 * answer with S3 error XML (503 ServiceUnavailable), instead of after the 200 status line went
 * out, when all that is left is to cut the connection. The first byte is needed before
 * anything is sent anyway, so this costs no time.
 */
export async function startedBody(source: AsyncIterable<Buffer>): Promise<Readable> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const rest = async function* (): AsyncGenerator<Buffer> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  const body = Readable.from(rest(), { objectMode: false });
  // However the body ends (read to the end, or destroyed when the client goes away, maybe
  // before it read on), the read under it stops and lets its connection go; a no-op once it
  // finished, and a failure of that stop concerns no one: the answer is over.
  body.once('close', () => void iterator.return?.().catch(ignoreError));
  return body;
}
