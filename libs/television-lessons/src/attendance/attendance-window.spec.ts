import { attendanceWindowProblem } from './attendance-window';

const airing = {
  status: 'scheduled' as const,
  startsAt: new Date('2026-12-01T12:00:00.000Z'),
  endsAt: new Date('2026-12-01T12:45:00.000Z'),
};
const at = (iso: string): Date => new Date(iso);

describe('attendanceWindowProblem', () => {
  it('is open from the start until the grace period after the end', () => {
    expect(attendanceWindowProblem(airing, at('2026-12-01T11:59:59.999Z'), 30)).toBe('not_started');
    expect(attendanceWindowProblem(airing, at('2026-12-01T12:00:00.000Z'), 30)).toBeNull();
    expect(attendanceWindowProblem(airing, at('2026-12-01T13:15:00.000Z'), 30)).toBeNull();
    expect(attendanceWindowProblem(airing, at('2026-12-01T13:15:00.001Z'), 30)).toBe('closed');
    expect(attendanceWindowProblem(airing, at('2026-12-01T12:46:00.000Z'), 0)).toBe('closed');
  });

  it('is never open for a cancelled airing', () => {
    expect(
      attendanceWindowProblem({ ...airing, status: 'cancelled' }, at('2026-12-01T12:10:00Z'), 30),
    ).toBe('cancelled');
  });
});
