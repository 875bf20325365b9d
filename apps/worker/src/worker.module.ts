import { type AppConfig, ClockModule, ConfigModule } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import { IdentityModule } from '@lifelong/identity';
import { type DynamicModule, Module } from '@nestjs/common';

/** The job process: every domain's worker module, no HTTP routes. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, IdentityModule],
    };
  }
}
