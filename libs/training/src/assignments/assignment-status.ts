/**
 * An assignment's state. `assigned` until the learner starts, `in_progress` once the enrollment
 * has progress, `overdue` past the due date while not completed, `completed` with its expiry,
 * `expired` once a completion's validity ran out with no renewal.
 */
export const ASSIGNMENT_STATUSES = [
  'assigned',
  'in_progress',
  'completed',
  'overdue',
  'expired',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** The statuses of an assignment still to be done. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['assigned', 'in_progress', 'overdue'];
