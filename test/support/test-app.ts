import { type AppConfig, Clock } from '@lifelong/common';
import { ScopeHierarchy } from '@lifelong/identity';
import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/create-app';
import { FakeScopeHierarchy } from './fake-scope-hierarchy';

export { FakeScopeHierarchy };

/** Binds ScopeHierarchy even while no organizations module does. */
@Global()
@Module({})
class TestScopesModule {
  static register(scopes: ScopeHierarchy): DynamicModule {
    return {
      module: TestScopesModule,
      providers: [{ provide: ScopeHierarchy, useValue: scopes }],
      exports: [ScopeHierarchy],
    };
  }
}

export interface TestAppOptions {
  /** Replaces the system clock (e.g. a ManualClock that the test moves). */
  clock?: Clock;
  /** Replaces every ScopeHierarchy binding (organizations' included). */
  scopes?: ScopeHierarchy;
  /** Extra controllers mounted for the test. */
  controllers?: Type[];
}

/**
 * The api app exactly as createApp builds it, with the clock, the scope trees or extra
 * controllers swapped in through a Nest testing module.
 */
export function createTestApp(
  config: AppConfig,
  options: TestAppOptions = {},
): Promise<NestFastifyApplication> {
  const scopes = options.scopes ?? new FakeScopeHierarchy();
  return createApp(config, async (adapter) => {
    let builder = Test.createTestingModule({
      imports: [AppModule.forRoot(config), TestScopesModule.register(scopes)],
      controllers: options.controllers ?? [],
    })
      .overrideProvider(ScopeHierarchy)
      .useValue(scopes);
    if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    return moduleRef.createNestApplication<NestFastifyApplication>(adapter, {
      bufferLogs: true,
      abortOnError: false,
    });
  });
}
