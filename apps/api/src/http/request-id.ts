import { randomUUID } from 'node:crypto';
import { runWithRequestContext } from '@lifelong/common';
import type { FastifyInstance } from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` when it is sane, else a new UUID. */
export function requestIdFrom(request: {
  headers: Record<string, string | string[] | undefined>;
}): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Echoes the request id and makes it, with the source IP, the current context for the work the
 * request does (logs, outbox events, jobs, audit entries). Fastify keeps the async context
 * across body parsing; the auth guard adds the actor once the token is verified.
 */
export function carryRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    runWithRequestContext({ requestId: request.id, ip: request.ip }, done);
  });
}
