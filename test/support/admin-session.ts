import type { AppConfig } from '@lifelong/common';
import { AdministratorBootstrap } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../setup/test-env';
import { type ApiClient, apiClient } from './api-client';
import { signIn } from './e2e';
import { type HttpClient, listen } from './http-client';
import { ScopeTree } from './scope-tree';
import { createTestApp, type TestAppOptions } from './test-app';

/**
 * An end-to-end file's api with the platform administrator signed in: started before the file's
 * tests and closed after them (its fields are set once `beforeAll` has run).
 */
export interface AdminSession {
  readonly config: AppConfig;
  app: NestFastifyApplication;
  http: HttpClient;
  adminToken: string;
  /** The api as the platform admin, typed. */
  asAdmin: ApiClient;
  /** Org units and grants made over HTTP by the admin: the real tree the scope checks read. */
  readonly tree: ScopeTree;
}

export function adminSession(options: TestAppOptions = {}): AdminSession {
  const config = testConfig();
  const session = { config } as AdminSession;
  (session as { tree: ScopeTree }).tree = new ScopeTree(
    () => session.http,
    () => session.adminToken,
  );
  beforeAll(async () => {
    session.app = await createTestApp(config, options);
    session.http = await listen(session.app);
    await session.app
      .get(AdministratorBootstrap)
      .ensureAdministrator(config.admin.email, config.admin.password);
    session.adminToken = await signIn(session.http, config.admin.email, config.admin.password);
    session.asAdmin = apiClient(session.http.base, session.adminToken);
  }, 60_000); // time for a whole api to start on a busy two-core machine
  afterAll(async () => {
    await session.app?.close();
  });
  return session;
}
