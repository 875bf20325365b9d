import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's defaults (CSP included) on every response. Swagger UI and Bull Board load their
 * scripts from this origin and only style inline, which the default policy allows.
 *
 * One addition: frames may show `blob:` documents, which only this origin's own scripts can
 * make. The studio shows a certificate template's trial print (a PDF the api rendered, fetched
 * with the access token) in a frame as a blob URL; without it frames fall back to `default-src
 * 'self'`, which no blob URL matches. Scripts, objects and everything else stay as they were.
 */
export const SECURITY_HEADER_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: { directives: { 'frame-src': ["'self'", 'blob:'] } },
};

/**
 * The headers helmet sets with `options`, asked once. The policy is the same for every route
 * (no per-route policy, no CSP nonces), so its answer is too: helmet (and the Fastify plugin
 * around it) would otherwise rebuild and re-parse the whole policy on every request, which was
 * a third of the cost of a trivial request.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => (failure = error),
  );
  // helmet refuses bad options by calling next with an Error.
  if (failure instanceof Error) throw failure;
  return headers;
}

/** Every response, errors and unknown routes included, carries the security headers. */
export function addSecurityHeaders(app: NestFastifyApplication): void {
  const headers = securityHeaders(SECURITY_HEADER_OPTIONS);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
}
