import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XAPI_VERSION } from '../statements/statements.service';

/**
 * xAPI asks for `X-Experience-API-Version` on every answer of the store, including refusals
 * made before a handler runs (a body over the limit, an unknown media type): a Fastify hook on
 * every `/xapi` request, which the api registers before it initializes.
 */
export function answerWithXapiVersion(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (request.url === '/xapi' || request.url.startsWith('/xapi/'))
        void reply.header('x-experience-api-version', XAPI_VERSION);
      done();
    });
}
