import cookie from '@fastify/cookie';
import {
  type AppConfig,
  createValidationPipe,
  enableFormBodies,
  enableLargeUploads,
  ROOT_LOGGER,
  type RootLogger,
} from '@lifelong/common';
import { preflight } from '@lifelong/database';
import { AccessTokenService } from '@lifelong/identity';
import { answerWithXapiVersion } from '@lifelong/learning-records';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { compressAnswers } from './http/compression';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { closeConnectionsOnShutdown } from './http/graceful-close';
import { acceptJsonBodies } from './http/json-bodies';
import { carryRequestId, requestIdFrom } from './http/request-id';
import { logRequests } from './http/request-log';
import { serveWebApp } from './http/web-app';
import { HttpExceptionFilter } from './http-exception.filter';
import { serveApiDocs } from './ops/api-docs';
import { measureRequests } from './ops/http-metrics.hook';
import { Metrics } from './ops/metrics.service';
import { addSecurityHeaders } from './ops/security-headers';
import { serveQueueBoard } from './queue-board/queue-board';

/**
 * Builds the Nest application on the prepared adapter. Tests pass one that uses a testing
 * module (`Test.createTestingModule(...).overrideProvider(...)`) to swap the Clock or the scope
 * trees; everything else createApp sets up stays the same.
 */
export type AppInstantiator = (
  adapter: FastifyAdapter,
) => Promise<NestFastifyApplication> | NestFastifyApplication;

/**
 * Builds the api application (not yet listening): used by main.ts and by end-to-end tests.
 * Refuses (StartupError) when MySQL or Redis is away or migrations are pending.
 */
export async function createApp(
  config: AppConfig,
  instantiate?: AppInstantiator,
): Promise<NestFastifyApplication> {
  await preflight(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    requestIdHeader: false,
    genReqId: requestIdFrom,
    frameworkErrors,
    clientErrorHandler,
  });
  const app = instantiate
    ? await instantiate(adapter)
    : await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
        bufferLogs: true,
        // A failure while building is thrown to the caller, never a process.exit inside Nest.
        abortOnError: false,
      });
  app.useLogger(app.get(Logger));
  acceptJsonBodies(app);
  await enableLargeUploads(app, {
    import: config.http.importMaxBytes,
    video: config.media.videoMaxBytes,
  });
  enableFormBodies(app);
  app.useGlobalPipes(createValidationPipe());
  // Also receives Fastify's own errors (body parsing, limits, unknown routes): Nest routes them here.
  app.useGlobalFilters(new HttpExceptionFilter());
  const fastify = app.getHttpAdapter().getInstance();
  carryRequestId(fastify);
  closeConnectionsOnShutdown(fastify);
  measureRequests(fastify, app.get(Metrics));
  logRequests(fastify, app.get<RootLogger>(ROOT_LOGGER));
  addSecurityHeaders(app);
  answerWithXapiVersion(app);
  await app.register(cookie);
  await compressAnswers(app);
  serveApiDocs(app, config);
  await serveQueueBoard(app, app.get(AccessTokenService));
  await serveWebApp(app, config);
  // SIGTERM: in-flight requests finish, then the pools close.
  app.enableShutdownHooks();
  return app;
}
