import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/**
 * JSON in (api.md): `application/json` bodies are parsed, with prototype poisoning refused;
 * `text/plain` and form bodies get 415 instead of reaching a DTO as something else. Routes that
 * take files register their own parsers (`enableLargeUploads`).
 */
export function acceptJsonBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // Going through Nest marks its body parsers as set, so init adds no urlencoded parser.
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    void parseJson(request, body.toString('utf8'), done);
  });
}
