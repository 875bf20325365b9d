import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * helmet's defaults (CSP included) on every response. Swagger UI and Bull Board load their
 * scripts from this origin and only style inline, which the default policy allows.
 *
 * One addition: frames may show `blob:` documents, which only this origin's own scripts can
 * make. The studio shows a certificate template's trial print (a PDF the api rendered, fetched
 * with the access token) in a frame as a blob URL; without it frames fall back to `default-src
 * 'self'`, which no blob URL matches. Scripts, objects and everything else stay as they were.
 */
export async function addSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { directives: { 'frame-src': ["'self'", 'blob:'] } },
  });
}
