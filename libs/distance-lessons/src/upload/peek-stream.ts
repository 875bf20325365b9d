import { Readable } from 'node:stream';

/**
 * Reads the first `size` bytes of a stream (fewer when it is shorter) without losing them:
 * `body` replays them, then the rest, so a sniffer can look before anything is stored.
 */
export async function peekStream(
  source: Readable,
  size: number,
): Promise<{ head: Buffer; body: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const first = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const body = Readable.from(replay(), { objectMode: false });
  // Ending early (an error downstream) must release the source too.
  body.once('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  return { head: first.subarray(0, size), body };
}
