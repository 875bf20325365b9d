import multipart from '@fastify/multipart';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';

const LARGE_UPLOAD = 'lifelongLargeUpload';

/**
 * Marks a route that takes a file (a `text/csv` body or a multipart `file`) up to
 * IMPORT_MAX_BYTES: its own Fastify `bodyLimit`, while every other route keeps BODY_LIMIT_BYTES.
 */
export const LargeUpload = (): MethodDecorator => RouteConfig({ [LARGE_UPLOAD]: true });

/**
 * Call on the api before it initializes: raises the body limit of `@LargeUpload()` routes,
 * reads `text/csv` bodies as a Buffer, and enables multipart (`request.file()`).
 */
export async function enableLargeUploads(
  app: NestFastifyApplication,
  maxBytes: number,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    const config = route.config as Record<string, unknown> | undefined;
    if (config?.[LARGE_UPLOAD] === true) route.bodyLimit = maxBytes;
  });
  fastify.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10 } });
}
