import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XAPI_VERSION } from '../statements/statements.service';

/**
 * Prepares the api for the xAPI resources (call before it initializes). xAPI asks for `X-Experience-API-Version` on every answer of the store, including refusals
 * made before a handler runs (a body over the limit, an unknown media type): a Fastify hook on
 * every `/xapi` request. The document resources also take `application/octet-stream` bodies.
 */
export function answerWithXapiVersion(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    if (isXapi(request.url)) void reply.header('x-experience-api-version', XAPI_VERSION);
    done();
  });
  // Documents may be any bytes: taken as a Buffer on the document resources, 415 elsewhere.
  fastify.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (request, body, done) => {
      if (DOCUMENT_PATH.test(request.url)) return done(null, body);
      done(
        Object.assign(new Error('This route takes no application/octet-stream body'), {
          statusCode: 415,
        }),
        undefined,
      );
    },
  );
}

const isXapi = (url: string): boolean => url === '/xapi' || url.startsWith('/xapi/');
const DOCUMENT_PATH = /^\/xapi\/(activities\/state|activities\/profile|agents\/profile)(\?|$)/;
