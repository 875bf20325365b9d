import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why the courses domain refused a request; each code has one fixed {@link ErrorKind}. */
export type CourseErrorCode =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'COURSE_NOT_FOUND'
  | 'SECTION_NOT_FOUND'
  | 'LESSON_NOT_FOUND'
  | 'FACILITY_NOT_FOUND'
  | 'COURSE_NOT_READY'
  | 'COURSE_LOCKED'
  | 'COURSE_ARCHIVED'
  | 'COURSE_NOT_IN_REVIEW'
  | 'CAPACITY_BELOW_ENROLLED'
  | 'LESSON_NOT_VIDEO'
  | 'LESSON_NOT_CMI5'
  | 'COURSE_CODE_TAKEN';

const KIND_BY_CODE: Record<CourseErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  FORBIDDEN: 'forbidden',
  COURSE_NOT_FOUND: 'not_found',
  SECTION_NOT_FOUND: 'not_found',
  LESSON_NOT_FOUND: 'not_found',
  FACILITY_NOT_FOUND: 'rule',
  COURSE_NOT_READY: 'rule',
  COURSE_LOCKED: 'conflict',
  COURSE_ARCHIVED: 'conflict',
  COURSE_NOT_IN_REVIEW: 'conflict',
  CAPACITY_BELOW_ENROLLED: 'rule',
  LESSON_NOT_VIDEO: 'rule',
  LESSON_NOT_CMI5: 'rule',
  COURSE_CODE_TAKEN: 'conflict',
};

/** A refusal from the courses domain; the global filter maps its kind to the HTTP status. */
export class CourseError extends DomainError<CourseErrorCode> {
  constructor(code: CourseErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  /** 400 `VALIDATION_FAILED` in the api.md shape: `details.fields` lists each field's problems. */
  static invalid(fields: Record<string, string[]>, extra?: Record<string, unknown>): CourseError {
    return new CourseError('VALIDATION_FAILED', 'The request has invalid fields', {
      fields,
      ...extra,
    });
  }

  static courseNotFound(courseId: string): CourseError {
    return new CourseError('COURSE_NOT_FOUND', `There is no course ${courseId}`, { courseId });
  }

  static sectionNotFound(sectionId: string): CourseError {
    return new CourseError('SECTION_NOT_FOUND', `There is no section ${sectionId}`, { sectionId });
  }

  /** 409: another course already has the code (the unique index `uq_courses_code` said so). */
  static codeTaken(code: string): CourseError {
    return new CourseError('COURSE_CODE_TAKEN', `Another course already has the code ${code}`, {
      code,
    });
  }

  static lessonNotFound(lessonId: string): CourseError {
    return new CourseError('LESSON_NOT_FOUND', `There is no lesson ${lessonId}`, { lessonId });
  }
}
