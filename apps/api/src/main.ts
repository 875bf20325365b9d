import 'reflect-metadata';
import { exitWithStartupFailure, loadConfigOrExit } from '@lifelong/common';
import { Logger } from 'nestjs-pino';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  const { publicUrl } = config.http;
  app.get(Logger).log(`Lifelong api listening on ${publicUrl} (docs at ${publicUrl}/api/docs)`);
}

main().catch(exitWithStartupFailure);
