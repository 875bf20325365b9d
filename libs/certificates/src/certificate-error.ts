import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why the certificates domain refused something; each code has one fixed {@link ErrorKind}. */
export type CertificateErrorCode =
  | 'SERIAL_MALFORMED'
  | 'CERTIFICATE_NOT_FOUND'
  | 'CERTIFICATE_ALREADY_REVOKED'
  | 'ENROLLMENT_NOT_COMPLETED'
  | 'TEMPLATE_NOT_FOUND'
  | 'TEMPLATE_EXISTS'
  | 'TEMPLATE_PLACEHOLDER_UNKNOWN'
  | 'TEMPLATE_SCOPE_INVALID'
  | 'LOGO_INVALID';

const KIND_BY_CODE: Record<CertificateErrorCode, ErrorKind> = {
  SERIAL_MALFORMED: 'invalid',
  CERTIFICATE_NOT_FOUND: 'not_found',
  CERTIFICATE_ALREADY_REVOKED: 'conflict',
  ENROLLMENT_NOT_COMPLETED: 'rule',
  TEMPLATE_NOT_FOUND: 'not_found',
  TEMPLATE_EXISTS: 'conflict',
  TEMPLATE_PLACEHOLDER_UNKNOWN: 'rule',
  TEMPLATE_SCOPE_INVALID: 'invalid',
  LOGO_INVALID: 'rule',
};

/** A refusal from the certificates domain. */
export class CertificateError extends DomainError<CertificateErrorCode> {
  constructor(code: CertificateErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  /** The check symbol does not match (or it is no serial at all): nothing was looked up. */
  static serialMalformed(): CertificateError {
    return new CertificateError(
      'SERIAL_MALFORMED',
      'This is not a valid certificate serial: check it for a mistyped character',
    );
  }

  /** Unknown, or not the caller's to see: they cannot tell which (404). */
  static notFound(serial: string): CertificateError {
    return new CertificateError('CERTIFICATE_NOT_FOUND', 'There is no such certificate', {
      serial,
    });
  }
}
