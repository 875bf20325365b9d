import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why programme monitoring refused a request; each code has one fixed {@link ErrorKind}. */
export type MonitoringErrorCode =
  | 'INVALID_PERIOD'
  | 'VALIDATION_FAILED'
  | 'ADMIN_UNIT_NOT_FOUND'
  | 'FACILITY_NOT_FOUND'
  | 'REPORT_FORM_NOT_FOUND'
  | 'REPORT_NOT_FOUND'
  | 'REPORT_NOT_EDITABLE'
  | 'REPORT_ALREADY_SUBMITTED'
  | 'REPORT_NOT_SUBMITTED'
  | 'REPORT_PAST_DEADLINE'
  | 'REPORT_INCOMPLETE'
  | 'OWN_REPORT';

const KIND_BY_CODE: Record<MonitoringErrorCode, ErrorKind> = {
  INVALID_PERIOD: 'invalid',
  VALIDATION_FAILED: 'invalid',
  ADMIN_UNIT_NOT_FOUND: 'not_found',
  FACILITY_NOT_FOUND: 'not_found',
  REPORT_FORM_NOT_FOUND: 'not_found',
  REPORT_NOT_FOUND: 'not_found',
  REPORT_NOT_EDITABLE: 'conflict',
  REPORT_ALREADY_SUBMITTED: 'conflict',
  REPORT_NOT_SUBMITTED: 'conflict',
  REPORT_PAST_DEADLINE: 'rule',
  REPORT_INCOMPLETE: 'rule',
  OWN_REPORT: 'forbidden',
};

/** A refusal from the monitoring domain. */
export class MonitoringError extends DomainError<MonitoringErrorCode> {
  constructor(code: MonitoringErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }
}
