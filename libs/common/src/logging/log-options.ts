import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
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
    // Jobs and request-scoped work log the request id that caused them (request-context).
    // (Skipped when the logger is already bound to the request: pino-http's request logger.)
    mixin: (_merge, _level, logger) => {
      const requestId = currentRequestId();
      return requestId && !('requestId' in logger.bindings()) ? { requestId } : {};
    },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}

const QUIET_ROUTES = new Set(['/health', '/health/ready', '/metrics']);

/** Fastify's middleware layer rewrites `url` relative to the mount point; the original is kept. */
const pathOf = (request: IncomingMessage & { originalUrl?: string }): string =>
  (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';

/** Request/response logging for the api (pino-http under nestjs-pino). */
export function httpLogOptions(config: AppConfig): PinoHttpOptions {
  return {
    ...logOptions(config, 'api'),
    // Fastify's request id (from x-request-id or generated) is already on the raw request.
    genReqId: (request: IncomingMessage & { id?: unknown }) =>
      typeof request.id === 'string' ? request.id : '',
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    autoLogging: { ignore: (request) => QUIET_ROUTES.has(pathOf(request)) },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      // The query is dropped and the URL cleaned: feed and unsubscribe tokens travel there.
      req: ({ query: _query, ...request }: { url?: string; query?: unknown }) => ({
        ...request,
        url: redactUrl(request.url ?? ''),
      }),
      // Response headers are the same on every line (security headers); the status says it all.
      res: ({ statusCode }: { statusCode?: number }) => ({ statusCode }),
    },
  };
}
