import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../config/config';
import { currentRequestId } from '../request-context/request-context';

/** Fields whose values are secrets wherever they appear in a logged object. */
const SECRET_FIELDS = ['password', 'refreshToken', 'accessToken', 'token', 'currentPassword'];
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-api-key'];
/** pino's redaction has no recursive wildcard: cover secrets nested up to this depth. */
const REDACT_DEPTH = 4;
/** Query parameters that carry secrets (feed tokens, unsubscribe links). */
const SECRET_QUERY = /([?&](?:token|access_token|refresh_token|password)=)[^&#]*/gi;

function redactPaths(): string[] {
  const fields = SECRET_FIELDS.flatMap((field) =>
    Array.from({ length: REDACT_DEPTH }, (_, depth) => [...Array<string>(depth).fill('*'), field]),
  ).map((path) => path.join('.'));
  const headers = SECRET_HEADERS.flatMap((header) => [
    `req.headers["${header}"]`,
    `res.headers["${header}"]`,
    `headers["${header}"]`,
  ]);
  return [...fields, ...headers];
}

/** Removes secret values from a URL's query string before it is logged. */
export const redactUrl = (url: string): string => url.replace(SECRET_QUERY, '$1[redacted]');

/** pino options shared by every process: JSON lines, level from config, secrets redacted. */
export function logOptions(config: AppConfig, process: 'api' | 'worker'): LoggerOptions {
  return {
    level: config.log.level,
    base: { process },
    redact: { paths: redactPaths(), censor: '[redacted]' },
    // Jobs and request-scoped work log the request id that caused them (request-context),
    // unless the line names one itself (the request log).
    mixin: (merge) => {
      const requestId = currentRequestId();
      return requestId && !('requestId' in merge) ? { requestId } : {};
    },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}

/** Probes and scrapes, asked every few seconds: a line each would drown the log. */
const QUIET_ROUTES = new Set(['/health', '/health/ready', '/metrics']);

/** A request the api has answered, as its log line tells it. */
export interface AnsweredRequest {
  requestId: string;
  method: string;
  /** The URL as requested (path and query). */
  url: string;
  ip: string;
  statusCode: number;
  /** Milliseconds from the first byte in to the last byte out. */
  responseTime: number;
}

/**
 * The api's line for an answered request (one per request, like an access log), or null for the
 * quiet routes. The query's secrets are removed from the URL (feed and unsubscribe tokens travel
 * there); headers are not logged (they carry the tokens, and are the same on every line).
 */
export function requestLogLine(
  request: AnsweredRequest,
): { level: 'info' | 'warn' | 'error'; fields: Record<string, unknown> } | null {
  const url = request.url;
  const query = url.indexOf('?');
  if (QUIET_ROUTES.has(query === -1 ? url : url.slice(0, query))) return null;
  const status = request.statusCode;
  return {
    level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
    fields: {
      requestId: request.requestId,
      req: { method: request.method, url: redactUrl(url), remoteAddress: request.ip },
      res: { statusCode: status },
      responseTime: Math.round(request.responseTime),
    },
  };
}
