import { type CsvItem, readCsvRecords } from './csv-records';
import { InvalidUtf8Error } from './utf8-text';

const chunksOf = (...parts: (string | Buffer)[]): Buffer[] =>
  parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part, 'utf8')));

async function read(...parts: (string | Buffer)[]): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  for await (const item of readCsvRecords(chunksOf(...parts))) items.push(item);
  return items;
}

describe('readCsvRecords', () => {
  it('reads comma-separated records with the line each starts on', async () => {
    expect(await read('a,b\n1,2\n\n3,"x"\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', 'x'] },
    ]);
  });

  it('drops a byte-order mark and detects ; from the header', async () => {
    expect(await read('\uFEFFa;b\r\n1,5;2\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,5', '2'] },
    ]);
  });

  it('reassembles multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('name\nNguyễn Văn A 😀\n', 'utf8');
    expect(await read(bytes.subarray(0, 11), bytes.subarray(11, 23), bytes.subarray(23))).toEqual([
      { line: 1, fields: ['name'] },
      { line: 2, fields: ['Nguyễn Văn A 😀'] },
    ]);
  });

  it('names the first line and byte offset of invalid UTF-8', async () => {
    const bad = Buffer.concat([
      Buffer.from('\uFEFFa,b\nok,1\nx'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(',2\n'),
    ]);
    const error = await read(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidUtf8Error);
    expect(error).toMatchObject({ line: 3, byteOffset: 13 });
  });

  it('turns an unreadable record into a line error and keeps the records before it', async () => {
    const items = await read('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(items).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, message: 'not well-formed CSV: a quoted field is never closed' },
    ]);
  });
});
