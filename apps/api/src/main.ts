import 'reflect-metadata';
import { loadConfigOrExit } from '@lifelong/common';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
  process.stdout.write(
    `Lifelong api listening on ${config.http.publicUrl} (docs at ${config.http.publicUrl}/api/docs)\n`,
  );
}

void main();
