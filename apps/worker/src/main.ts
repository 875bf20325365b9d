import 'reflect-metadata';
import { exitWithStartupFailure, loadConfigOrExit } from '@lifelong/common';
import { Logger } from 'nestjs-pino';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const worker = await createWorker(config);
  worker.get(Logger).log(`Lifelong worker running queues: ${config.queues.enabled.join(', ')}`);
}

main().catch(exitWithStartupFailure);
