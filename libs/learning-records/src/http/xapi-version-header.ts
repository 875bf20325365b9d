import { acceptsAnyBody, AppConfig, Clock } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { MultipartStatementBody } from '../attachments/statement-request';
import { XAPI_VERSION } from '../statements/statements.service';

/**
 * Prepares the api for the xAPI resources (call before it initializes). xAPI asks for `X-Experience-API-Version` on every answer of the store, including refusals
 * made before a handler runs (a body over the limit, an unknown media type): a Fastify hook on
 * every `/xapi` request. The document resources also take bodies of any media type.
 */
export function answerWithXapiVersion(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const clock = app.get(Clock, { strict: false });
  const config = app.get(AppConfig, { strict: false });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!isXapi(request.url)) return done();
    void reply.header('x-experience-api-version', XAPI_VERSION);
    // Every answer of a statement GET carries it, refusals included; a handler that answers
    // sets the time it read before its query. Read first, it is just as true of a refusal.
    if (request.method === 'GET' && STATEMENTS_PATH.test(request.url))
      void reply.header('x-experience-api-consistent-through', clock.now().toISOString());
    // Clients send a Content-Type with an empty DELETE or GET: no body, nothing to parse.
    if (
      (request.method === 'DELETE' || request.method === 'GET') &&
      !request.headers['transfer-encoding'] &&
      Number(request.headers['content-length'] ?? 0) === 0
    )
      delete request.headers['content-type'];
    done();
  });
  // Documents may be any bytes of any media type: a Buffer on `@AcceptsAnyBody()` routes
  // (JSON is parsed as JSON); other routes refuse them with 415 as Fastify would.
  const anyBytes = (
    request: FastifyRequest,
    body: Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ): void => {
    if (acceptsAnyBody(request)) return done(null, body);
    const type = request.headers['content-type'] ?? '(none)';
    done(
      Object.assign(new Error(`Unsupported Media Type: ${type}`), {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      }),
      undefined,
    );
  };
  // A statement request with its attachments' contents: read whole (up to its own limit) and
  // taken apart by the handler, whose refusals are the store's 400s.
  fastify.addContentTypeParser(
    'multipart/mixed',
    { parseAs: 'buffer', bodyLimit: config.http.xapiAttachmentsMaxBytes },
    (request, body: Buffer, done) => {
      if (acceptsAnyBody(request) || !STATEMENTS_PATH.test(request.url))
        return anyBytes(request, body, done);
      done(null, new MultipartStatementBody(request.headers['content-type'] ?? '', body));
    },
  );
  fastify.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, anyBytes);
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, anyBytes);
}

const isXapi = (url: string): boolean => url === '/xapi' || url.startsWith('/xapi/');
const STATEMENTS_PATH = /^\/xapi\/statements(\?|$)/;
