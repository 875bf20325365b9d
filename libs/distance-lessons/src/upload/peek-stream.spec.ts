import { Readable } from 'node:stream';
import { peekStream } from './peek-stream';

const collect = async (stream: Readable): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

describe('peekStream', () => {
  it('shows the first bytes and still hands on every byte in order', async () => {
    const { head, body } = await peekStream(
      Readable.from([Buffer.from('ab'), Buffer.from('cdef'), Buffer.from('gh')]),
      3,
    );
    expect(head.toString()).toBe('abc');
    expect(await collect(body)).toBe('abcdefgh');
  });

  it('copes with a stream shorter than the peek, and an empty one', async () => {
    const short = await peekStream(Readable.from([Buffer.from('xy')]), 10);
    expect(short.head.toString()).toBe('xy');
    expect(await collect(short.body)).toBe('xy');
    const empty = await peekStream(Readable.from([]), 10);
    expect(empty.head.length).toBe(0);
    expect(await collect(empty.body)).toBe('');
  });

  it('passes on an error of the source', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from('abcd'));
    const { body } = await peekStream(source, 2);
    const reading = collect(body);
    source.destroy(new Error('connection lost'));
    await expect(reading).rejects.toThrow('connection lost');
  });
});
