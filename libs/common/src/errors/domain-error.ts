/** How a refusal maps to HTTP; domain code never names HTTP statuses directly. */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'precondition_failed' // 412
  | 'too_large' // 413
  | 'unsupported' // 415
  | 'rule' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

/**
 * A refusal a person can act on. Each domain subclasses it with its own code enum
 * (`IdentityError`, `CourseError`, …); one global filter turns it into the api.md error body.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly kind: ErrorKind,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Errors shared by every domain. */
export class CommonError extends DomainError<
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'EXPORTS_BUSY'
> {}

export const notFound = (what: string, details?: Record<string, unknown>): CommonError =>
  new CommonError('NOT_FOUND', `${what} was not found`, 'not_found', details);

export const forbidden = (message = 'You are not allowed to do this'): CommonError =>
  new CommonError('FORBIDDEN', message, 'forbidden');
