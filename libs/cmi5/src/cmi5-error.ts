import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why the cmi5 lib refused something; each code has one fixed {@link ErrorKind}. */
export type Cmi5ErrorCode =
  | 'CMI5_PACKAGE_INVALID'
  | 'CMI5_PACKAGE_TOO_LARGE'
  | 'CMI5_PACKAGE_NOT_FOUND'
  | 'LESSON_NOT_FOUND'
  | 'LESSON_NOT_CMI5'
  | 'FORBIDDEN'
  | 'NOT_ENROLLED';

const KIND_BY_CODE: Record<Cmi5ErrorCode, ErrorKind> = {
  CMI5_PACKAGE_INVALID: 'rule',
  CMI5_PACKAGE_TOO_LARGE: 'too_large',
  CMI5_PACKAGE_NOT_FOUND: 'not_found',
  LESSON_NOT_FOUND: 'not_found',
  LESSON_NOT_CMI5: 'rule',
  FORBIDDEN: 'forbidden',
  NOT_ENROLLED: 'forbidden',
};

/** A refusal from the cmi5 lib. */
export class Cmi5Error extends DomainError<Cmi5ErrorCode> {
  constructor(code: Cmi5ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  /** The package cannot be used: `reason` names the problem (a stable word the web app shows). */
  static invalid(reason: string, message: string, details?: Record<string, unknown>): Cmi5Error {
    return new Cmi5Error('CMI5_PACKAGE_INVALID', message, { reason, ...details });
  }
}
