import 'reflect-metadata';
import { loadConfigOrExit } from '@lifelong/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  process.stdout.write(`Lifelong worker running queues: ${config.queues.enabled.join(', ')}\n`);
}

void main();
