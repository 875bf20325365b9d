// The limit of the framework bench: Fastify alone, answering GET /health as the app does, in a
// process of its own. It prints the address it listens on.
const fastify = require('fastify')();

fastify.get('/health', async () => ({ status: 'ok' }));
fastify.listen({ port: 0, host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`listening ${address}\n`);
});
