import { type AppConfig, ClockModule, ConfigModule } from '@lifelong/common';
import { DatabaseModule } from '@lifelong/database';
import { IdentityModule } from '@lifelong/identity';
import { type DynamicModule, Module } from '@nestjs/common';

/** The HTTP process: every domain's http module, no job processing. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, IdentityModule],
    };
  }
}
