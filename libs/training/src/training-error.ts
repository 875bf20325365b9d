import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why mandated training refused a request; each code has one fixed {@link ErrorKind}. */
export type TrainingErrorCode =
  | 'VALIDATION_FAILED'
  | 'REQUIREMENT_NOT_FOUND'
  | 'ORG_UNIT_NOT_FOUND'
  | 'COURSE_NOT_FOUND'
  | 'COURSE_NOT_PUBLISHED'
  | 'SNAPSHOT_NOT_FOUND'
  | 'SNAPSHOT_EXISTS';

const KIND_BY_CODE: Record<TrainingErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  REQUIREMENT_NOT_FOUND: 'not_found',
  ORG_UNIT_NOT_FOUND: 'not_found',
  COURSE_NOT_FOUND: 'rule',
  COURSE_NOT_PUBLISHED: 'rule',
  SNAPSHOT_NOT_FOUND: 'not_found',
  SNAPSHOT_EXISTS: 'conflict',
};

/** A refusal from the training domain. */
export class TrainingError extends DomainError<TrainingErrorCode> {
  constructor(code: TrainingErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }
}
