import { type AppConfig, Clock } from '@lifelong/common';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/create-app';
import { closedAtEnd } from './closed-at-end';

export interface TestAppOptions {
  /** Replaces the system clock (e.g. a ManualClock that the test moves). */
  clock?: Clock;
  /** Extra controllers mounted for the test. */
  controllers?: Type[];
}

/**
 * The api app exactly as createApp builds it, with the clock or extra controllers swapped in
 * through a Nest testing module. Scope checks always run on the real organization tree
 * (create units over HTTP, see scope-tree.ts): a stand-in would hide a scope hole.
 */
export function createTestApp(
  config: AppConfig,
  options: TestAppOptions = {},
): Promise<NestFastifyApplication> {
  return closedAtEnd(
    createApp(config, async (adapter) => {
      let builder = Test.createTestingModule({
        imports: [AppModule.forRoot(config)],
        controllers: options.controllers ?? [],
      });
      if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
      const moduleRef = await builder.compile();
      return moduleRef.createNestApplication<NestFastifyApplication>(adapter, {
        bufferLogs: true,
        abortOnError: false,
      });
    }),
  );
}
