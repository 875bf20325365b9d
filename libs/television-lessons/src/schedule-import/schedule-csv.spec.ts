import { parseScheduleCsv, rowSlot } from './schedule-csv';

describe('parseScheduleCsv', () => {
  it('reads rows by header name, with BOM, ";" and Vietnamese headers', () => {
    const file = Buffer.from(
      '\uFEFFNgày;Bắt đầu;Kết thúc;Khoá học;Bài học\n2026-12-07;19:00;19:45;c1;Bài 1\n\n07/12/2026;20:00;20:30;c1;\n',
    );
    expect(parseScheduleCsv(file)).toEqual({
      rows: [
        {
          line: 2,
          date: '2026-12-07',
          start: '19:00',
          end: '19:45',
          course: 'c1',
          lesson: 'Bài 1',
        },
        { line: 4, message: 'lesson missing' },
      ],
    });
  });

  it('reads the course code column as a broadcaster names it', () => {
    for (const header of ['Course code', 'Mã khóa học', 'course_id'])
      expect(
        parseScheduleCsv(
          Buffer.from(`date,start,end,${header},lesson\n2026-12-07,19:00,19:45,TV-NN-01,Bài 1\n`),
        ),
      ).toEqual({ rows: [expect.objectContaining({ course: 'TV-NN-01' }) as unknown] });
  });

  it('fails the whole file without the columns it needs', () => {
    expect(parseScheduleCsv(Buffer.from('date,start,course\n'))).toEqual({
      failure: expect.stringContaining('end, lesson') as unknown,
    });
    expect(parseScheduleCsv(Buffer.from([0xff, 0xfe, 0x41]))).toEqual({
      failure: 'The file is not UTF-8 text',
    });
  });
});

describe('rowSlot', () => {
  const VN = 'Asia/Ho_Chi_Minh';

  it('reads local times in the zone; an end before the start crosses midnight', () => {
    expect(rowSlot({ date: '2026-12-07', start: '19:00', end: '19:45' }, VN)).toEqual({
      startsAt: new Date('2026-12-07T12:00:00.000Z'),
      endsAt: new Date('2026-12-07T12:45:00.000Z'),
    });
    expect(rowSlot({ date: '07/12/2026', start: '23:30', end: '00:15' }, VN)).toEqual({
      startsAt: new Date('2026-12-07T16:30:00.000Z'),
      endsAt: new Date('2026-12-07T17:15:00.000Z'),
    });
  });

  it('names what is wrong', () => {
    expect(rowSlot({ date: '2026-13-01', start: '19:00', end: '20:00' }, VN)).toEqual({
      problem: expect.stringContaining('date') as unknown,
    });
    expect(rowSlot({ date: '2026-12-01', start: '7pm', end: '20:00' }, VN)).toEqual({
      problem: expect.stringContaining('start') as unknown,
    });
    expect(rowSlot({ date: '2026-12-01', start: '19:00', end: '25:00' }, VN)).toEqual({
      problem: expect.stringContaining('end') as unknown,
    });
  });
});
