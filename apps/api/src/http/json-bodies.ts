import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/**
 * Deeper JSON than any route takes. V8 spends about a second on a megabyte of `[[[…]]]` (within
 * the body limit), all of it on the thread that serves every request, so such a body is refused
 * by a linear scan before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** True when `text` nests arrays or objects deeper than `max` (strings are skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return false;
}

/** Fastify's error shape for a refused body: a 400 the error filter passes on. */
class TooDeepError extends Error {
  readonly statusCode = 400;
  constructor() {
    super(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * JSON in (api.md): `application/json` bodies are parsed, with prototype poisoning refused and
 * nesting bounded ({@link MAX_JSON_DEPTH});
 * `text/plain` and form bodies get 415 instead of reaching a DTO as something else. Routes that
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
