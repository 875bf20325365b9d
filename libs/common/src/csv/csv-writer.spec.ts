import { csvWriter, spreadsheetSafeText } from './csv-writer';

async function write(records: Record<string, unknown>[], columns: string[]): Promise<string> {
  const writer = csvWriter(columns);
  const chunks: Buffer[] = [];
  writer.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => writer.on('end', resolve).on('error', reject));
  for (const record of records) writer.write(record);
  writer.end();
  await done;
  return Buffer.concat(chunks).toString('utf8');
}

describe('spreadsheetSafeText', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('prefixes a quote to %j', (value, escaped) => {
    expect(spreadsheetSafeText(value)).toBe(escaped);
  });

  it.each(['Phòng Tổ chức', 'a=b', ' =1', '', "'=already"])('leaves %j as it is', (value) => {
    expect(spreadsheetSafeText(value)).toBe(value);
  });
});

describe('csvWriter', () => {
  it('writes a header and escapes formula-like text cells but not numbers', async () => {
    const csv = await write(
      [
        { name: '=HYPERLINK("http://x","y")', code: '@SUM(A1)', count: -2 },
        { name: 'Phòng, "số" 1', code: '+1', count: 3 },
      ],
      ['name', 'code', 'count'],
    );
    expect(csv).toBe(
      'name,code,count\n' +
        `"'=HYPERLINK(""http://x"",""y"")",'@SUM(A1),-2\n` +
        `"Phòng, ""số"" 1",'+1,3\n`,
    );
  });
});
