import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Servers shutting down: their answers say `Connection: close`. */
const draining = new WeakSet<FastifyInstance>();

/** Per server: its open connections, and how many requests each has under way. */
const connections = new WeakMap<FastifyInstance, Map<Socket, number>>();

/**
 * How long a connection accepted just before shutdown, which has not delivered a request yet,
 * may take to do so. Node's `server.close()` resets at once every connection with no request
 * under way, including one whose request is still unread in the socket because the event loop
 * was busy: behind a load balancer, that is a request already sent, which it must not send again
 * (a POST), so it fails.
 */
const FIRST_REQUEST_GRACE_MS = 2_000;

/**
 * While the api shuts down, responses to requests still in flight say `Connection: close`.
 * Node closes only the keep-alive sockets that are idle when close() starts; a socket whose
 * response finishes later would hold the shutdown until its keep-alive timeout (72 s).
 */
export function closeConnectionsOnShutdown(fastify: FastifyInstance): void {
  fastify.addHook('preClose', (done) => {
    draining.add(fastify);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining.has(fastify)) void reply.header('connection', 'close');
    done(null, payload);
  });
  const open = new Map<Socket, number>();
  connections.set(fastify, open);
  fastify.server.on('connection', (socket: Socket) => {
    open.set(socket, 0);
    socket.once('close', () => open.delete(socket));
  });
  fastify.server.on('request', (request, response) => {
    const socket = request.socket;
    open.set(socket, (open.get(socket) ?? 0) + 1);
    response.once('close', () => {
      if (open.has(socket)) open.set(socket, open.get(socket)! - 1);
    });
  });
}

/**
 * The first step of shutting down, before any pool or Redis client closes: stop listening (a
 * load balancer's next connection is refused, so it passes the request to another instance),
 * serve every request already accepted, each answer closing its connection, and resolve once
 * the last connection is gone. Keep-alive connections waiting for a next request close at once,
 * as Node would close them; one that has not delivered its first request yet gets a grace.
 */
export async function drainConnections(
  fastify: FastifyInstance,
  graceMs = FIRST_REQUEST_GRACE_MS,
): Promise<void> {
  const server = fastify.server;
  if (!server.listening) return;
  draining.add(fastify);
  // Connections the kernel completed but Node has not accepted yet are reset when the listening
  // socket closes; the poll phase before this check accepts them, so the window is a moment.
  await new Promise((resolve) => setImmediate(resolve));
  const closeIdle = server.closeIdleConnections.bind(server);
  // server.close() calls closeIdleConnections() first thing; the grace timer calls it later.
  server.closeIdleConnections = () => undefined;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections = closeIdle;
  const open = connections.get(fastify) ?? new Map<Socket, number>();
  for (const [socket, underWay] of open)
    if (underWay === 0 && socket.bytesWritten > 0) socket.destroy();
  const grace = setTimeout(closeIdle, graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(grace);
  }
}
