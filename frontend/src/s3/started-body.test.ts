import { describe, expect, it } from 'vitest';
import { startedBody } from './started-body.js';

async function* chunks(items: (Buffer | Error)[], finished: { done: boolean }): AsyncGenerator<Buffer> {
  try {
    for (const item of items) {
      if (item instanceof Error) throw item;
      yield item;
    }
  } finally {
    finished.done = true;
  }
}

describe('startedBody', () => {
  it('throws a failure before the first byte (the operation still answers with an S3 error), and streams every chunk otherwise', async () => {
    const unused = { done: false };
    await expect(startedBody(chunks([new Error('no replica answered')], unused))).rejects.toThrow('no replica answered');
    const read = { done: false };
    const body = await startedBody(chunks([Buffer.from('ab'), Buffer.from('cd')], read));
    const got: Buffer[] = [];
    for await (const chunk of body) got.push(chunk as Buffer);
    expect(Buffer.concat(got).toString()).toBe('abcd');
    expect(read.done).toBe(true);
    const empty = await startedBody(chunks([], { done: false }));
    expect((await empty.toArray()).length).toBe(0);
  });

  it('stops the read under it when the body is destroyed midway (the client went away)', async () => {
    const read = { done: false };
    const body = await startedBody(chunks([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')], read));
    body.destroy();
    await new Promise((resolve) => body.once('close', resolve));
    await expect.poll(() => read.done).toBe(true);
  });
});
