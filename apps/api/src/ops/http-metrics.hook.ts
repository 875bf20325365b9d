import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.service';

/** Times every request, labelled by route pattern ("unmatched" for unknown URLs). */
export function measureRequests(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
