import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why identity refused a request; each code has one fixed {@link ErrorKind}. */
export type IdentityErrorCode =
  | 'VALIDATION_FAILED'
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'UNAUTHENTICATED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'FORBIDDEN'
  | 'USER_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'TOKEN_INVALID'
  | 'ACCOUNT_DEACTIVATED'
  | 'ACCOUNT_ALREADY_ACTIVE'
  | 'SESSION_NOT_FOUND'
  | 'SSO_PROVIDER_NOT_FOUND';

const KIND_BY_CODE: Record<IdentityErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  EMAIL_TAKEN: 'conflict',
  INVALID_CREDENTIALS: 'unauthenticated',
  UNAUTHENTICATED: 'unauthenticated',
  REFRESH_TOKEN_INVALID: 'unauthenticated',
  REFRESH_TOKEN_REUSED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  USER_NOT_FOUND: 'not_found',
  RATE_LIMITED: 'rate_limited',
  TOKEN_INVALID: 'rule',
  ACCOUNT_DEACTIVATED: 'forbidden',
  ACCOUNT_ALREADY_ACTIVE: 'conflict',
  SESSION_NOT_FOUND: 'not_found',
  SSO_PROVIDER_NOT_FOUND: 'not_found',
};

/**
 * A refusal from the identity domain. The global filter maps its kind to the HTTP status
 * (`unauthenticated` → 401, `forbidden` → 403, `rate_limited` → 429, …).
 */
export class IdentityError extends DomainError<IdentityErrorCode> {
  constructor(code: IdentityErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  /** A missing, malformed, expired or forged access token (401 `UNAUTHENTICATED`). */
  static unauthenticated(message = 'A valid access token is required'): IdentityError {
    return new IdentityError('UNAUTHENTICATED', message);
  }

  /** The caller is known but may not do this (403 `FORBIDDEN`). */
  static forbidden(message = 'You are not allowed to do this'): IdentityError {
    return new IdentityError('FORBIDDEN', message);
  }

  /** A one-time link that is used, expired, superseded, unknown or for another purpose (422). */
  static tokenInvalid(): IdentityError {
    return new IdentityError(
      'TOKEN_INVALID',
      'This link is not valid any more: it was used, replaced by a newer one, or has expired',
    );
  }

  /** The account is switched off: it cannot sign in (403). */
  static deactivated(): IdentityError {
    return new IdentityError('ACCOUNT_DEACTIVATED', 'This account has been deactivated');
  }

  /** Field problems in the api.md shape: `details.fields` lists each field's messages. */
  static invalid(fields: Record<string, string[]>): IdentityError {
    return new IdentityError('VALIDATION_FAILED', 'The request has invalid fields', { fields });
  }
}
