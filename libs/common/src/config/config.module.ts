import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config';

/** Provides the validated AppConfig to the whole process. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
