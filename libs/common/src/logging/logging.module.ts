import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config';
import { httpLogOptions, logOptions } from './log-options';

/** JSON logs (pino) for a process; the api also logs each request with its request id. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, process: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: process === 'api' ? httpLogOptions(config) : logOptions(config, process),
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
