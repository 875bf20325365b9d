import { JobQueue, QUEUE_NAMES, toErrorBody } from '@lifelong/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {} from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import {
  type AccessTokenVerifier,
  QUEUE_BOARD_PATH,
  refuseQueueBoardAccess,
} from './queue-board-access';

/**
 * Bull Board at /admin/queues, showing every queue, for platform administrators only. It is a
 * Fastify plugin outside Nest's controllers, so it guards itself (and is listed in the
 * route-audit test).
 */
export async function serveQueueBoard(
  app: NestFastifyApplication,
  verifier: AccessTokenVerifier,
): Promise<void> {
  const jobs = app.get(JobQueue);
  const board = new FastifyAdapter();
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Lifelong queues' } },
  });
  board.setBasePath(QUEUE_BOARD_PATH);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register((scope: FastifyInstance, _options, done) => {
    scope.addHook('onRequest', async (request, reply) => {
      const refusal = await refuseQueueBoardAccess(request, verifier);
      if (refusal) {
        const body = toErrorBody(refusal, request.id);
        return reply.status(body.statusCode).send(body);
      }
    });
    void scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
    done();
  });
}
