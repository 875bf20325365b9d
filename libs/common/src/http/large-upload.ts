import multipart from '@fastify/multipart';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

const LARGE_UPLOAD = 'lifelongLargeUpload';

/**
 * Which configured limit a file route takes: `import` (IMPORT_MAX_BYTES: staff CSVs) or
 * `video` (VIDEO_MAX_BYTES: lesson videos, read as a stream and never held in memory).
 */
export type UploadLimit = 'import' | 'video';

/**
 * Marks a route that takes a file (a `text/csv` body, a multipart `file`, or a raw
 * `application/offset+octet-stream` body for the handler to stream) up to the limit named:
 * its own Fastify `bodyLimit`, while every other route keeps BODY_LIMIT_BYTES.
 */
export const LargeUpload = (limit: UploadLimit = 'import'): MethodDecorator =>
  RouteConfig({ [LARGE_UPLOAD]: limit });

const limitOf = (config: unknown): UploadLimit | undefined => {
  const value = (config as Record<string, unknown> | undefined)?.[LARGE_UPLOAD];
  return value === 'import' || value === 'video' ? value : undefined;
};

/**
 * Call on the api before it initializes: raises the body limit of `@LargeUpload()` routes,
 * reads `text/csv` bodies as a Buffer, leaves `application/offset+octet-stream` bodies (tus
 * PATCH) unread on those routes so the handler streams them, and enables multipart
 * (`request.file()`, whose file size limit is `import` unless the handler passes its own).
 */
export async function enableLargeUploads(
  app: NestFastifyApplication,
  limits: Readonly<Record<UploadLimit, number>>,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    const limit = limitOf(route.config);
    if (limit) route.bodyLimit = limits[limit];
  });
  fastify.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  fastify.addContentTypeParser('application/offset+octet-stream', (request, _payload, done) => {
    if (limitOf(request.routeOptions.config)) return done(null, undefined);
    const refusal = Object.assign(new Error('This route takes no raw byte stream'), {
      statusCode: 415,
    });
    done(refusal, undefined);
  });
  await forMultipartRequestsOnly(fastify, () =>
    app.register(multipart, { limits: { fileSize: limits.import, files: 1, fields: 10 } }),
  );
}

const MULTIPART = /^\s*multipart\//i;

type MultipartHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * @fastify/multipart gives every request an async onRequest hook (a `close` listener) and an
 * async onResponse hook, both there to delete the temporary files of `saveRequestFiles`, which
 * only a multipart body can leave. On any other request they do nothing, yet cost a handful of
 * promises, each charged again by the request context's async hooks: several per cent of a
 * trivial request. Registered through this, they run for multipart requests only (told by the
 * content type, before the body is read).
 */
async function forMultipartRequestsOnly(
  fastify: FastifyInstance,
  register: () => Promise<unknown>,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, below
  const addHook = fastify.addHook;
  const gated = (hook: MultipartHook): onRequestHookHandler =>
    function (request, reply, done) {
      if (!MULTIPART.test(request.headers['content-type'] ?? '')) return done();
      hook.call(this, request, reply).then(() => done(), done);
    };
  // The plugin is not encapsulated (fastify-plugin): it adds its hooks on this very instance.
  fastify.addHook = function (this: FastifyInstance, name: string, hook: MultipartHook) {
    const perRequest = name === 'onRequest' || name === 'onResponse';
    return Reflect.apply(addHook, this, [name, perRequest ? gated(hook) : hook]) as FastifyInstance;
  } as typeof fastify.addHook;
  try {
    await register();
  } finally {
    fastify.addHook = addHook;
  }
}
