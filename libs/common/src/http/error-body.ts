import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type ErrorKind } from '../errors/domain-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported: 415,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Fastify's own errors (body parsing, limits) carry a status and an FST_ code. */
interface StatusError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
}

/** Turns anything thrown while serving a request into the api.md error body. Never leaks a stack. */
export function toErrorBody(error: unknown, requestId?: string): ErrorBody {
  if (error instanceof DomainError) {
    const { kind, code, message, details } = error as DomainError;
    return { statusCode: STATUS_BY_KIND[kind], code, message, details, requestId };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const body =
      typeof response === 'object' && response !== null
        ? (response as Record<string, unknown>)
        : {};
    const code = typeof body.code === 'string' ? body.code : (CODE_BY_STATUS[status] ?? 'ERROR');
    const message =
      typeof body.message === 'string'
        ? body.message
        : status >= 500
          ? 'Internal error'
          : error.message;
    const details =
      typeof body.details === 'object' && body.details !== null
        ? (body.details as Record<string, unknown>)
        : undefined;
    return { statusCode: status, code, message, details, requestId };
  }
  const candidate = (typeof error === 'object' && error !== null ? error : {}) as StatusError;
  const status = candidate.statusCode ?? candidate.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      status === 400 && error instanceof SyntaxError
        ? 'The request body is not valid JSON'
        : (candidate.message ?? 'Bad request');
    return {
      statusCode: status,
      code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST',
      message,
      requestId,
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side; it has been logged',
    requestId,
  };
}
