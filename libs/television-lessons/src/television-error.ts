import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why the television-lessons domain refused a request; each code has one fixed {@link ErrorKind}. */
export type TelevisionErrorCode =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'CHANNEL_NOT_FOUND'
  | 'CHANNEL_CODE_TAKEN'
  | 'LESSON_NOT_FOUND'
  | 'LESSON_NOT_TELEVISION'
  | 'BROADCAST_NOT_FOUND'
  | 'BROADCAST_OVERLAP'
  | 'BROADCAST_TOO_LONG'
  | 'BROADCAST_AIRED'
  | 'BROADCAST_CANCELLED'
  | 'RECURRENCE_UNBOUNDED'
  | 'RECURRENCE_TOO_LONG'
  | 'ATTENDANCE_CODE_INVALID'
  | 'ATTENDANCE_CLOSED'
  | 'NOT_ENROLLED'
  | 'ATTENDANCE_RATE_LIMITED'
  | 'FEED_TOKEN_INVALID'
  | 'VIDEO_NOT_FOUND'
  | 'REPLAY_NOT_READY'
  | 'REPLAY_NOT_OF_LESSON'
  | 'CHECK_QUIZ_INVALID'
  | 'SCHEDULE_IMPORT_EMPTY'
  | 'SCHEDULE_IMPORT_NOT_FOUND'
  | 'COURSE_NOT_FOUND'
  | 'GROUP_ATTENDANCE_NOT_FOUND';

const KIND_BY_CODE: Record<TelevisionErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  FORBIDDEN: 'forbidden',
  CHANNEL_NOT_FOUND: 'not_found',
  CHANNEL_CODE_TAKEN: 'conflict',
  LESSON_NOT_FOUND: 'not_found',
  LESSON_NOT_TELEVISION: 'rule',
  BROADCAST_NOT_FOUND: 'not_found',
  BROADCAST_OVERLAP: 'conflict',
  BROADCAST_TOO_LONG: 'rule',
  BROADCAST_AIRED: 'rule',
  BROADCAST_CANCELLED: 'rule',
  RECURRENCE_UNBOUNDED: 'rule',
  RECURRENCE_TOO_LONG: 'rule',
  ATTENDANCE_CODE_INVALID: 'rule',
  ATTENDANCE_CLOSED: 'rule',
  NOT_ENROLLED: 'rule',
  ATTENDANCE_RATE_LIMITED: 'rate_limited',
  FEED_TOKEN_INVALID: 'not_found',
  VIDEO_NOT_FOUND: 'not_found',
  REPLAY_NOT_READY: 'conflict',
  REPLAY_NOT_OF_LESSON: 'rule',
  CHECK_QUIZ_INVALID: 'rule',
  SCHEDULE_IMPORT_EMPTY: 'invalid',
  SCHEDULE_IMPORT_NOT_FOUND: 'not_found',
  COURSE_NOT_FOUND: 'not_found',
  GROUP_ATTENDANCE_NOT_FOUND: 'not_found',
};

/** A refusal from the television-lessons domain; the global filter maps its kind to HTTP. */
export class TelevisionError extends DomainError<TelevisionErrorCode> {
  constructor(code: TelevisionErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  static invalid(fields: Record<string, string[]>): TelevisionError {
    return new TelevisionError('VALIDATION_FAILED', 'The request has invalid fields', { fields });
  }

  static broadcastNotFound(broadcastId: string): TelevisionError {
    return new TelevisionError('BROADCAST_NOT_FOUND', `There is no broadcast ${broadcastId}`, {
      broadcastId,
    });
  }

  static channelNotFound(channelId: string): TelevisionError {
    return new TelevisionError('CHANNEL_NOT_FOUND', `There is no channel ${channelId}`, {
      channelId,
    });
  }
}
