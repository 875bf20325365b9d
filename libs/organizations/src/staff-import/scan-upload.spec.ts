import { scanUpload } from './scan-upload';
import { InvalidUtf8Error } from './utf8-text';

const chunked = (text: string | Buffer, size: number): (() => Buffer[]) => {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return () => chunks;
};

async function* asAsync(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

describe('scanUpload', () => {
  it('counts non-blank data lines across chunk boundaries and reads the header', async () => {
    const read = chunked('\uFEFF\n a;b \r\n1;Nguyễn\r\n\r\n   \r\n2;😀\r\n3;x', 3);
    expect(await scanUpload(() => asAsync(read()))).toEqual({
      header: { line: 1, fields: ['a', 'b'] },
      dataLines: 3,
    });
  });

  it('has no header for an empty or blank file', async () => {
    expect(await scanUpload(() => asAsync(chunked(' \n\n', 2)()))).toEqual({
      header: undefined,
      dataLines: 0,
    });
  });

  it('names the line and offset of the first bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b\n1,2\n3,'),
      Buffer.from([0xff]),
      Buffer.from('\n'),
    ]);
    const error = await scanUpload(() => asAsync(chunked(bytes, 4)())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidUtf8Error);
    expect(error).toMatchObject({ line: 3, byteOffset: 10 });
  });

  it('refuses a replacement character left by an earlier broken conversion', async () => {
    const error = await scanUpload(() => asAsync(chunked('a,b\nNguy\uFFFDn,2\n', 5)())).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ line: 2, byteOffset: 8 });
  });
});
