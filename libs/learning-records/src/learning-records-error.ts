import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why the Learning Record Store refused a request; each code has one fixed {@link ErrorKind}. */
export type LearningRecordsErrorCode =
  | 'XAPI_VERSION_MISSING'
  | 'XAPI_VERSION_UNSUPPORTED'
  | 'XAPI_CREDENTIALS_MISSING'
  | 'XAPI_CREDENTIALS_INVALID'
  | 'XAPI_SCOPE_MISSING'
  | 'INVALID_STATEMENT'
  | 'INVALID_QUERY'
  | 'STATEMENT_CONFLICT'
  | 'STATEMENT_NOT_FOUND'
  | 'VOIDING_TARGET_INVALID'
  | 'ATTACHMENT_INVALID'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_CONFLICT'
  | 'DOCUMENT_PRECONDITION_FAILED'
  | 'DOCUMENT_NOT_MERGEABLE'
  | 'LRS_CLIENT_NOT_FOUND'
  | 'LRS_FORWARD_NOT_FOUND'
  | 'LRS_ADMIN_ONLY';

const KIND_BY_CODE: Record<LearningRecordsErrorCode, ErrorKind> = {
  XAPI_VERSION_MISSING: 'invalid',
  XAPI_VERSION_UNSUPPORTED: 'invalid',
  XAPI_CREDENTIALS_MISSING: 'unauthenticated',
  XAPI_CREDENTIALS_INVALID: 'unauthenticated',
  XAPI_SCOPE_MISSING: 'forbidden',
  INVALID_STATEMENT: 'invalid',
  INVALID_QUERY: 'invalid',
  STATEMENT_CONFLICT: 'conflict',
  STATEMENT_NOT_FOUND: 'not_found',
  // The xAPI specification answers a bad voiding target with 400, not 422.
  VOIDING_TARGET_INVALID: 'invalid',
  ATTACHMENT_INVALID: 'invalid',
  DOCUMENT_NOT_FOUND: 'not_found',
  DOCUMENT_CONFLICT: 'conflict',
  DOCUMENT_PRECONDITION_FAILED: 'precondition_failed',
  DOCUMENT_NOT_MERGEABLE: 'invalid',
  LRS_CLIENT_NOT_FOUND: 'not_found',
  LRS_FORWARD_NOT_FOUND: 'not_found',
  LRS_ADMIN_ONLY: 'forbidden',
};

/** A refusal from the Learning Record Store. */
export class LearningRecordsError extends DomainError<LearningRecordsErrorCode> {
  constructor(code: LearningRecordsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }
}

/** A statement that breaks an xAPI rule, with the property at fault. */
export const invalidStatement = (path: string, problem: string): LearningRecordsError =>
  new LearningRecordsError('INVALID_STATEMENT', `${path}: ${problem}`, { path });
