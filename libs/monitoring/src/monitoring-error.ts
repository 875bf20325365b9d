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
  | 'OWN_REPORT'
  | 'ORG_UNIT_NOT_FOUND'
  | 'INSPECTION_NOT_FOUND'
  | 'INSPECTION_PUBLISHED'
  | 'INSPECTION_INCOMPLETE'
  | 'OWN_UNIT'
  | 'ACTION_NOT_FOUND'
  | 'ACTION_CLOSED'
  | 'ACTION_NEEDS_EVIDENCE'
  | 'EVIDENCE_NOT_FOUND'
  | 'EVIDENCE_TYPE_NOT_ALLOWED'
  | 'EVIDENCE_TOO_LARGE'
  | 'EVIDENCE_LINK_EXPIRED'
  | 'EVIDENCE_LINK_INVALID';

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
  ORG_UNIT_NOT_FOUND: 'not_found',
  INSPECTION_NOT_FOUND: 'not_found',
  INSPECTION_PUBLISHED: 'conflict',
  INSPECTION_INCOMPLETE: 'rule',
  OWN_UNIT: 'forbidden',
  ACTION_NOT_FOUND: 'not_found',
  ACTION_CLOSED: 'conflict',
  ACTION_NEEDS_EVIDENCE: 'rule',
  EVIDENCE_NOT_FOUND: 'not_found',
  EVIDENCE_TYPE_NOT_ALLOWED: 'unsupported',
  EVIDENCE_TOO_LARGE: 'too_large',
  EVIDENCE_LINK_EXPIRED: 'forbidden',
  EVIDENCE_LINK_INVALID: 'forbidden',
};

/** A refusal from the monitoring domain. */
export class MonitoringError extends DomainError<MonitoringErrorCode> {
  constructor(code: MonitoringErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }
}
