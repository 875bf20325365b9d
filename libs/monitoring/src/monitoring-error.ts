import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why programme monitoring refused a request; each code has one fixed {@link ErrorKind}. */
export type MonitoringErrorCode = 'INVALID_PERIOD' | 'VALIDATION_FAILED' | 'ADMIN_UNIT_NOT_FOUND';

const KIND_BY_CODE: Record<MonitoringErrorCode, ErrorKind> = {
  INVALID_PERIOD: 'invalid',
  VALIDATION_FAILED: 'invalid',
  ADMIN_UNIT_NOT_FOUND: 'not_found',
};

/** A refusal from the monitoring domain. */
export class MonitoringError extends DomainError<MonitoringErrorCode> {
  constructor(code: MonitoringErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }
}
