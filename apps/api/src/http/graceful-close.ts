import type { FastifyInstance } from 'fastify';

/**
 * While the api shuts down, responses to requests still in flight say `Connection: close`.
 * Node closes only the keep-alive sockets that are idle when close() starts; a socket whose
 * response finishes later would hold the shutdown until its keep-alive timeout (72 s).
 */
export function closeConnectionsOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
