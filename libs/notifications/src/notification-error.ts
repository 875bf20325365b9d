import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why notifications refused a request; each code has one fixed {@link ErrorKind}. */
export type NotificationErrorCode =
  'VALIDATION_FAILED' | 'NOTIFICATION_NOT_FOUND' | 'UNSUBSCRIBE_TOKEN_INVALID';

const KIND_BY_CODE: Record<NotificationErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  NOTIFICATION_NOT_FOUND: 'not_found',
  UNSUBSCRIBE_TOKEN_INVALID: 'invalid',
};

/** A refusal from the notifications domain. */
export class NotificationError extends DomainError<NotificationErrorCode> {
  constructor(code: NotificationErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }
}
