import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@lifelong/common';
import { AdministratorBootstrap } from '@lifelong/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../setup/test-env';
import { answered, type ApiClient, apiClient } from './api-client';
import { expectStatus } from './e2e';
import { type HttpClient, listen } from './http-client';
import { ScopeTree } from './scope-tree';
import { createTestApp, type TestAppOptions } from './test-app';
import { createTestWorker } from './test-worker';

/**
 * An end-to-end file's api with the platform administrator signed in: started before the file's
 * tests and closed after them (its fields are set once `beforeAll` has run).
 */
export interface AdminSession {
  /** Set at once, or once `beforeAll` has run when `env` is a function. */
  readonly config: AppConfig;
  app: NestFastifyApplication;
  http: HttpClient;
  adminToken: string;
  /** The platform admin's user id, from the login answer. */
  adminId: string;
  /** The api as the platform admin, typed. */
  asAdmin: ApiClient;
  /** Org units and grants made over HTTP by the admin: the real tree the scope checks read. */
  readonly tree: ScopeTree;
  /** The worker, when asked for (`withWorker`). */
  worker?: INestApplicationContext;
  /** The file's own media folder, when asked for (`withMediaDir`); removed after the file. */
  readonly mediaDir?: string;
}

export interface AdminSessionOptions extends TestAppOptions {
  /**
   * Settings over the test defaults, for the api and the worker alike; a function when one is
   * known only once the file's own earlier `beforeAll` has run (a test SMTP server's port).
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Headers of the admin's login (a user agent, a forwarded client address). */
  loginHeaders?: Record<string, string>;
  /** Also starts the worker, with the outbox relayed every 100 ms so events reach it at once. */
  withWorker?: boolean;
  /** Gives the api and worker a media folder of their own (certificates, videos). */
  withMediaDir?: boolean;
}

export function adminSession(options: AdminSessionOptions = {}): AdminSession {
  const mediaDir = options.withMediaDir
    ? mkdtempSync(join(tmpdir(), 'lifelong-e2e-media-'))
    : undefined;
  const configOf = (env: Record<string, string>) =>
    testConfig({
      ...(options.withWorker ? { OUTBOX_RELAY_INTERVAL_MS: '100' } : {}),
      ...(mediaDir ? { MEDIA_DIR: mediaDir } : {}),
      ...env,
    });
  const { env = {} } = options;
  const session = { mediaDir } as AdminSession;
  const settle = (config: AppConfig) => ((session as { config: AppConfig }).config = config);
  if (typeof env !== 'function') settle(configOf(env));
  (session as { tree: ScopeTree }).tree = new ScopeTree(
    () => session.http,
    () => session.adminToken,
  );
  beforeAll(async () => {
    const config = typeof env === 'function' ? settle(configOf(env())) : session.config;
    session.app = await createTestApp(config, options);
    session.http = await listen(session.app);
    if (options.withWorker) session.worker = await createTestWorker(config);
    await session.app
      .get(AdministratorBootstrap)
      .ensureAdministrator(config.admin.email, config.admin.password);
    const login = await expectStatus(
      answered(
        apiClient(session.http.base).POST('/api/v1/auth/login', {
          body: { email: config.admin.email, password: config.admin.password },
          headers: options.loginHeaders,
        }),
      ),
      200,
    );
    session.adminToken = login.accessToken;
    session.adminId = login.user.id;
    session.asAdmin = apiClient(session.http.base, session.adminToken);
  }, 60_000); // time for a whole api to start on a busy two-core machine
  afterAll(async () => {
    await session.worker?.close();
    await session.app?.close();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });
  return session;
}
