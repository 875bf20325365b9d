import { type RootLogger, requestLogLine } from '@lifelong/common';
import type { FastifyInstance } from 'fastify';

/** One line per answered request (see requestLogLine), written once the response is sent. */
export function logRequests(fastify: FastifyInstance, logger: RootLogger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = requestLogLine({
      requestId: request.id,
      method: request.method,
      url: request.url,
      ip: request.ip,
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
    });
    if (line) logger[line.level](line.fields, 'request completed');
    done();
  });
}
