import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';

const FORM_BODY = 'lifelongFormBody';
const FORM = 'application/x-www-form-urlencoded';

/**
 * Marks a route that takes an `application/x-www-form-urlencoded` body, such as the RFC 8058
 * one-click unsubscribe POST that mail providers send. Every other route keeps answering a form
 * body with 415, as api.md's "JSON in" asks.
 */
export const AcceptsFormBody = (): MethodDecorator => RouteConfig({ [FORM_BODY]: true });

function unsupportedMediaType(): Error {
  return Object.assign(new Error(`Unsupported Media Type: ${FORM}`), {
    statusCode: 415,
    code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  });
}

/**
 * Call on the api before it initializes: parses form bodies into a flat string record for
 * `@AcceptsFormBody()` routes only (within the route's body limit).
 */
export function enableFormBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser(FORM, { parseAs: 'string' }, (request, body, done) => {
    const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
    if (config?.[FORM_BODY] !== true) {
      done(unsupportedMediaType(), undefined);
      return;
    }
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}
