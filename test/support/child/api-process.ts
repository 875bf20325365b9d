import 'reflect-metadata';
import { exitWithStartupFailure } from '@lifelong/common';
import { AdministratorBootstrap } from '@lifelong/identity';
import { createApp } from '../../../apps/api/src/create-app';
import { childTestConfig } from '../../setup/test-env';

// The real api in a process of its own, so a test can watch it from outside even when its event
// loop is stuck, and kill it.
async function main(): Promise<void> {
  const config = childTestConfig();
  const app = await createApp(config);
  await app
    .get(AdministratorBootstrap)
    .ensureAdministrator(config.admin.email, config.admin.password);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`api ready ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
}

main().catch(exitWithStartupFailure);
