import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger as PinoRoot } from 'pino';
import type { AppConfig } from '../config/config';
import { logOptions } from './log-options';

/** The process's one pino logger, for what logs outside Nest's Logger (the api's request log). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export type RootLogger = PinoRoot;

/**
 * JSON logs (pino) for a process. Nest's Logger writes through one root logger; the request id
 * of the work in progress reaches every line through the request context (logOptions' mixin),
 * so no per-request child logger or middleware is needed: the api logs each answered request
 * from a Fastify hook (requestLogLine).
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, process: 'api' | 'worker'): DynamicModule {
    const root = pino(logOptions(config, process));
    return {
      module: LoggingModule,
      imports: [
        // useExisting without routes: nestjs-pino adds no request middleware of its own.
        LoggerModule.forRoot({ pinoHttp: { logger: root }, useExisting: true, forRoutes: [] }),
      ],
      providers: [{ provide: ROOT_LOGGER, useValue: root }],
      exports: [LoggerModule, ROOT_LOGGER],
    };
  }
}
