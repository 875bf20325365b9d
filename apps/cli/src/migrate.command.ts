import { type AppConfig, ClockModule, ConfigModule } from '@lifelong/common';
import { createDatabaseIfMissing, DatabaseModule, runMigrations } from '@lifelong/database';
import { AdministratorBootstrap, IdentityModule } from '@lifelong/identity';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** `npm run migrate`: creates the database when missing, applies migrations, ensures the administrator. */
export async function migrate(config: AppConfig): Promise<void> {
  const { host, port, name } = config.database;
  await createDatabaseIfMissing(config);
  const applied = await runMigrations(config);
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${name} on ${host}:${port}: ${applied.join(', ')}\n`
      : `Database ${name} on ${host}:${port} is up to date.\n`,
  );
  await ensureAdministrator(config);
}

/** Just what the administrator bootstrap needs: config, clock, database, identity. */
@Module({})
class BootstrapModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BootstrapModule,
      imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, IdentityModule],
    };
  }
}

async function ensureAdministrator(config: AppConfig): Promise<void> {
  const context = await NestFactory.createApplicationContext(BootstrapModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    const status = await context
      .get(AdministratorBootstrap)
      .ensureAdministrator(config.admin.email, config.admin.password);
    if (status === 'email taken')
      process.stderr.write(
        `No administrator was created: ${config.admin.email} (ADMIN_EMAIL) already belongs to an account, which is not given any role. Set ADMIN_EMAIL to an address nobody uses and run migrate again.\n`,
      );
    else process.stdout.write(`Administrator ${config.admin.email}: ${status}.\n`);
  } finally {
    await context.close();
  }
}
