import type { Broadcast } from '../broadcasts/broadcast.entity';

/** Why attendance cannot be recorded now, or null when it can. */
export type WindowProblem = 'cancelled' | 'not_started' | 'closed';

/**
 * Attendance is open from the start of the airing until `graceMinutes` after its end; never for
 * a cancelled airing.
 */
export function attendanceWindowProblem(
  broadcast: Pick<Broadcast, 'status' | 'startsAt' | 'endsAt'>,
  now: Date,
  graceMinutes: number,
): WindowProblem | null {
  if (broadcast.status === 'cancelled') return 'cancelled';
  if (now.getTime() < broadcast.startsAt.getTime()) return 'not_started';
  if (now.getTime() > broadcast.endsAt.getTime() + graceMinutes * 60_000) return 'closed';
  return null;
}

export const WINDOW_MESSAGES: Record<WindowProblem, string> = {
  cancelled: 'The broadcast was cancelled',
  not_started: 'The broadcast has not started yet',
  closed: 'Attendance for this broadcast has closed',
};
