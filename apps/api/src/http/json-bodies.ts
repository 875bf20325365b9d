import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/** Answered as 400 VALIDATION_FAILED by the error filter, like malformed JSON. */
class TooDeepError extends Error {
  readonly statusCode = 400;
  constructor() {
    super(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * JSON in (api.md): `application/json` bodies are parsed, with prototype poisoning refused;
 * `text/plain` and form bodies get 415 instead of reaching a DTO as something else, and bodies
 * nested deeper than {@link MAX_JSON_DEPTH} get 400 before they are parsed. Routes that
 * take files register their own parsers (`enableLargeUploads`).
 */
export function acceptJsonBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // Going through Nest marks its body parsers as set, so init adds no urlencoded parser.
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    const text = body.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return done(new TooDeepError(), undefined);
    void parseJson(request, text, done);
  });
}
