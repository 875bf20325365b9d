import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why enrollment refused a request; each code has one fixed {@link ErrorKind}. */
export type EnrollmentErrorCode =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'COURSE_NOT_FOUND'
  | 'COURSE_NOT_PUBLISHED'
  | 'ENROLLMENT_CLOSED'
  | 'ENROLLMENT_NOT_FOUND'
  | 'ENROLLMENT_NOT_ACTIVE'
  | 'ENROLLMENT_COMPLETED'
  | 'LESSON_NOT_FOUND'
  | 'LESSON_KIND_MISMATCH'
  | 'LESSON_NOT_PLAYABLE'
  | 'ATTEMPT_LIMIT_REACHED'
  | 'PROGRESS_CONFLICT';

const KIND_BY_CODE: Record<EnrollmentErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  FORBIDDEN: 'forbidden',
  COURSE_NOT_FOUND: 'not_found',
  COURSE_NOT_PUBLISHED: 'rule',
  ENROLLMENT_CLOSED: 'rule',
  ENROLLMENT_NOT_FOUND: 'not_found',
  ENROLLMENT_NOT_ACTIVE: 'rule',
  ENROLLMENT_COMPLETED: 'rule',
  LESSON_NOT_FOUND: 'not_found',
  LESSON_KIND_MISMATCH: 'rule',
  LESSON_NOT_PLAYABLE: 'rule',
  ATTEMPT_LIMIT_REACHED: 'rule',
  PROGRESS_CONFLICT: 'conflict',
};

/**
 * A refusal from the enrollment domain (404 not found or not yours, 403 not the course's staff,
 * 422 a rule, 409 a race).
 */
export class EnrollmentError extends DomainError<EnrollmentErrorCode> {
  constructor(code: EnrollmentErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  /** Missing, or someone else's: the caller cannot tell which (404). */
  static enrollmentNotFound(enrollmentId: string): EnrollmentError {
    return new EnrollmentError('ENROLLMENT_NOT_FOUND', 'There is no such enrollment of yours', {
      enrollmentId,
    });
  }

  static lessonNotFound(lessonId: string): EnrollmentError {
    return new EnrollmentError('LESSON_NOT_FOUND', 'The lesson is not part of this course', {
      lessonId,
    });
  }
}
