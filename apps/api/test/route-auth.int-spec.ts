import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_DECISION, type AuthDecision } from '@lifelong/identity';
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  DiscoveryService,
  MetadataScanner,
  ModulesContainer,
  NestFactory,
  Reflector,
} from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/setup/test-env';
import { AppModule } from '../src/app.module';
import { createApp } from '../src/create-app';

/**
 * Routes registered straight on Fastify rather than by a Nest controller (Swagger UI, Bull
 * Board, …). The global guard does not see them, so each must be listed here with who may
 * call it. `path` ending in `*` covers every route beneath it. A non-public entry names a
 * `probe` URL that an anonymous request must be refused at (401).
 */
export interface RouteOutsideNest {
  path: string;
  decision: AuthDecision['kind'];
  probe?: string;
  /** `path` is the route itself even though it ends in `*` (the web app's fallback `/*`). */
  exact?: boolean;
}

export const ROUTES_OUTSIDE_NEST: readonly RouteOutsideNest[] = [
  { path: '/api/docs*', decision: 'public' },
  { path: '/admin/queues*', decision: 'roles', probe: '/admin/queues' },
  // The built web app (a stand-in below): its files, and index.html for any page of it.
  { path: '/', decision: 'public' },
  { path: '/*', decision: 'public', exact: true },
  { path: '/index.html', decision: 'public' },
  { path: '/favicon.svg', decision: 'public' },
  { path: '/assets/*', decision: 'public' },
];

/**
 * Every route anyone may call without a token, pinned: a new public route fails the audit until
 * it is added here, so opening one is a reviewed change (docs/security.md). Routes outside Nest
 * are pinned by {@link ROUTES_OUTSIDE_NEST}.
 */
export const PUBLIC_ROUTES: readonly string[] = [
  // Operations (api.md): liveness, readiness, Prometheus.
  'GET /health',
  'GET /health/ready',
  'GET /metrics',
  // Identity: signing up and in; the refresh token is the credential.
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  // Account recovery: the emailed one-time token is the credential; "forgot" answers anyone alike.
  'POST /api/v1/auth/password/forgot',
  'POST /api/v1/auth/password/reset',
  'POST /api/v1/auth/invitations/accept',
  // Single sign-on: the providers to offer, and the redirects of the code flow (state, PKCE).
  'GET /api/v1/auth/oidc/providers',
  'GET /api/v1/auth/oidc/:provider/start',
  'GET /api/v1/auth/oidc/:provider/callback',
  // The public directory and catalogue (drafts only to staff who send a token).
  'GET /api/v1/admin-units',
  'GET /api/v1/facilities',
  'GET /api/v1/courses',
  'GET /api/v1/courses/:id',
  'GET /api/v1/course-tags',
  // Television schedules; the personal feed is guarded by its token in the URL.
  'GET /api/v1/channels',
  'GET /api/v1/channels/:id/schedule.ics',
  'GET /api/v1/broadcasts',
  'GET /api/v1/broadcasts/:id',
  'GET /api/v1/me/schedule.ics',
  // Signed, short-lived playback URLs (the signature is the credential).
  'GET /media/v/:videoId/:expires/:signature/:file',
  'GET /media/v/:videoId/:expires/:signature/:folder/:file',
  // tus capability discovery (no upload is touched).
  'OPTIONS /api/v1/uploads',
  // Certificates: verification, shared credentials, the issuer's public keys.
  'GET /api/v1/verify/:serial',
  'GET /verify/:serial',
  'GET /api/v1/certificates/:serial/credential',
  'GET /.well-known/lifelong/issuer.json',
  // Programme monitoring: the indicator catalogue and aggregate figures (no personal data; "< 5").
  'GET /api/v1/monitoring/indicators',
  // The blank yearly report form: what facilities will be asked, no answers in it.
  'GET /api/v1/monitoring/report-forms/:year',
  'GET /api/v1/monitoring/figures',
  'GET /api/v1/monitoring/figures.csv',
  // Signed, short-lived links to inspection evidence files (the signature is the credential).
  'GET /api/v1/monitoring/evidence/:id/:expires/:signature',
  // xAPI: what the Learning Record Store speaks (the statements need client credentials).
  'GET /xapi/about',
  // cmi5 launches: the fetch URL's one-time token, and the package files behind a signed,
  // expiring path (a frame sends no header; the signature is the credential).
  'POST /api/v1/cmi5/fetch/:token',
  'GET /cmi5-content/:packageId/:expires/:signature/*',
  // One-click unsubscribe from e-mail (the token in the link is the credential).
  'GET /api/v1/notifications/unsubscribe',
  'POST /api/v1/notifications/unsubscribe',
];

/** A stand-in for dist/web, so the routes listed do not depend on the last build. */
function builtWebApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifelong-route-auth-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'assets', 'index-Ab12.js'), '');
  return dir;
}

interface NestRoute {
  route: string;
  decision: AuthDecision | undefined;
}

/** Every route of every Nest controller, with the decision the global guard will read. */
function nestRoutes(app: NestFastifyApplication): NestRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: NestRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype as object)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      for (const sub of [path].flat())
        routes.push({
          route: `${method} ${joinPath(base, sub)}`,
          decision: reflector.getAllAndOverride<AuthDecision | undefined>(AUTH_DECISION, [
            handler,
            controller,
          ]),
        });
    }
  }
  return routes;
}

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

const listed = (url: string): RouteOutsideNest | undefined =>
  ROUTES_OUTSIDE_NEST.find((entry) =>
    entry.path.endsWith('*') && !entry.exact
      ? url.startsWith(entry.path.slice(0, -1))
      : url === entry.path,
  );

describe('route auth decisions', () => {
  let app: NestFastifyApplication;
  const fastifyRoutes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    const config = testConfig({ WEB_DIR: builtWebApp() });
    app = await createApp(config, (adapter) => {
      adapter.getInstance().addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) fastifyRoutes.push({ method, url: route.url });
      });
      return NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
        bufferLogs: true,
        abortOnError: false,
      });
    });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds the controllers (the audit below looks at something)', () => {
    const routes = nestRoutes(app).map(({ route }) => route);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/me', 'GET /health']),
    );
  });

  it('gives every Nest route an auth decision, on the method or its class', () => {
    const undecided = nestRoutes(app)
      .filter(({ decision }) => decision === undefined)
      .map(({ route }) => route);
    expect(undecided).toEqual([]);
  });

  it('pins the exact list of public routes (a new one is a reviewed change)', () => {
    const open = nestRoutes(app)
      .filter(({ decision }) => decision?.kind === 'public')
      .map(({ route }) => route);
    expect([...new Set(open)].sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('lists every route registered outside Nest with its decision', () => {
    const nest = new Set(nestRoutes(app).map(({ route }) => route));
    const gets = new Set(fastifyRoutes.filter((r) => r.method === 'GET').map((r) => r.url));
    const unlisted = fastifyRoutes
      .filter(({ method, url }) => !(method === 'HEAD' && gets.has(url)))
      .filter(({ method, url }) => !nest.has(`${method} ${joinPath(url)}`) && !listed(url))
      .map(({ method, url }) => `${method} ${url}`);
    expect(unlisted).toEqual([]);
  });

  it('refuses anonymous callers at the non-public routes outside Nest', async () => {
    for (const entry of ROUTES_OUTSIDE_NEST.filter(({ decision }) => decision !== 'public')) {
      const response = await app.inject({ method: 'GET', url: entry.probe ?? entry.path });
      expect([entry.path, response.statusCode]).toEqual([entry.path, 401]);
    }
  });
});
