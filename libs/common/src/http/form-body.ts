import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

const FORM_BODY = 'lifelongFormBody';
const ANY_BODY = 'lifelongAnyBody';
const FORM = 'application/x-www-form-urlencoded';

/**
 * Marks a route that takes an `application/x-www-form-urlencoded` body, such as the RFC 8058
 * one-click unsubscribe POST that mail providers send. Every other route keeps answering a form
 * body with 415, as api.md's "JSON in" asks.
 */
export const AcceptsFormBody = (): MethodDecorator => RouteConfig({ [FORM_BODY]: true });

/**
 * Marks a route that stores a body of any media type as sent (the xAPI document resources):
 * a form body, like any body that is not JSON, arrives as a Buffer there.
 */
export const AcceptsAnyBody = (): MethodDecorator => RouteConfig({ [ANY_BODY]: true });

const routeConfig = (request: FastifyRequest): Record<string, unknown> | undefined =>
  request.routeOptions.config as unknown as Record<string, unknown> | undefined;

/** Whether the request's route is marked `@AcceptsAnyBody()`. */
export const acceptsAnyBody = (request: FastifyRequest): boolean =>
  routeConfig(request)?.[ANY_BODY] === true;

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
  fastify.addContentTypeParser(FORM, { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (acceptsAnyBody(request)) return done(null, body);
    if (routeConfig(request)?.[FORM_BODY] !== true) {
      done(unsupportedMediaType(), undefined);
      return;
    }
    done(null, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  });
}
