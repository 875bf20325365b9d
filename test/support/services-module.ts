import { type AppConfig, Clock, ClockModule, ConfigModule } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';

/**
 * A domain's services (and job handlers) without HTTP: `imports` over the config, the test
 * database and `clock` in place of the system clock, initialized. Tests call services and
 * handlers themselves.
 */
export async function servicesModule(
  config: AppConfig,
  clock: Clock,
  imports: NonNullable<ModuleMetadata['imports']>,
): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, ...imports],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  return moduleRef.init();
}
