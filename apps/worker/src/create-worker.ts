import type { AppConfig } from '@lifelong/common';
import { preflight } from '@lifelong/database';
import { checkMediaTools } from '@lifelong/distance-lessons';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker: refuses (StartupError) when MySQL or Redis is away, migrations are pending,
 * ffmpeg is missing for the media-transcode queue, or a job of an enabled queue has no handler or
 * two; then runs the enabled queues.
 */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  await preflight(config);
  // Before the modules open their pools: a refused start must leave nothing open behind it.
  await checkMediaTools(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    // A failure while building is thrown to the caller, never a process.exit inside Nest (which
    // would end a whole test run, not just the test that started the worker).
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // SIGTERM: stop taking jobs, let running ones finish, then close the pools.
  app.enableShutdownHooks();
  return app;
}
