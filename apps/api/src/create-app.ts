import { randomUUID } from 'node:crypto';
import {
  type AppConfig,
  createValidationPipe,
  runWithRequestId,
  toErrorBody,
} from '@lifelong/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './http-exception.filter';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the api application (not yet listening): used by main.ts and by end-to-end tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    runWithRequestId(String(request.id), done);
  });
  // Errors raised before Nest's pipeline (body parsing, limits) get the same body as the rest.
  fastify.setErrorHandler((error, request, reply) => {
    const body = toErrorBody(error, String(request.id));
    void reply.status(body.statusCode).send(body);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
