import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { OidcTestProvider } from '../../../../test/support/oidc-test-provider';
import { SmtpTestServer } from '../../../../test/support/smtp-test-server';
import {
  mailboxPort,
  SSO_ACCOUNT,
  SSO_PROVIDER,
  TEST_ADMIN,
  testPrefix,
  webTestBaseUrl,
  webTestPort,
} from './platform-settings';

const ROOT = resolve(__dirname, '../../../..');
const DIST = join(ROOT, 'dist');
const LOG = join(ROOT, '.reports', 'web-platform.log');

/** The settings the platform runs with: its own database, queues, files and mail; no .env. */
function platformEnvironment(
  files: string,
  smtpPort: number,
  ssoIssuer: string,
): Record<string, string> {
  const base = (process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(
    /\/[^/@]*$/,
    '',
  );
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    PORT: String(webTestPort()),
    HOST: '127.0.0.1',
    PUBLIC_URL: webTestBaseUrl(),
    DATABASE_URL: `${base}/${testPrefix()}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: testPrefix(),
    JWT_SECRET: 'web-test-secret-web-test-secret-0123456789',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: 'warn',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_DIR: join(files, 'mail'),
    MEDIA_DIR: join(files, 'media'),
    WEB_DIR: join(DIST, 'web'),
    // Sign-in attempts come from one address all run long.
    LOGIN_MAX_PER_IP: '1000',
    OIDC_PROVIDERS: JSON.stringify([
      {
        ...SSO_PROVIDER,
        issuer: ssoIssuer,
        clientId: SSO_CLIENT.id,
        clientSecret: SSO_CLIENT.secret,
      },
    ]),
  };
}

const SSO_CLIENT = { id: 'lifelong-web-test', secret: 'lifelong-web-test-client-secret' };

/**
 * A real OpenID Connect provider for the "sign in with …" journey, on `localhost` while the
 * platform is on 127.0.0.1: another site, as a real provider is, so the browser applies its
 * cross-site cookie rules to the round trip.
 */
async function startSsoProvider(): Promise<OidcTestProvider> {
  const provider = await OidcTestProvider.start({
    clientId: SSO_CLIENT.id,
    clientSecret: SSO_CLIENT.secret,
    redirectUris: [`${webTestBaseUrl()}/api/v1/auth/oidc/${SSO_PROVIDER.id}/callback`],
    issuerHost: 'localhost',
  });
  await provider.addAccount(SSO_ACCOUNT);
  return provider;
}

function run(script: string, args: string[], env: Record<string, string>, cwd: string) {
  const log = createWriteStream(LOG, { flags: 'a' });
  const child = spawn(process.execPath, [join(DIST, 'apps', script, 'main.js'), ...args], {
    env,
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

function runToEnd(args: string[], env: Record<string, string>, cwd: string): Promise<void> {
  const child = run('cli', args, env, cwd);
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`lifelong ${args.join(' ')} failed; see ${LOG}`)),
    ),
  );
}

async function waitForReady(api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the api stopped at start; see ${LOG}`);
    const ready = await fetch(`${webTestBaseUrl()}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`the api did not answer /health/ready within 60 s; see ${LOG}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The test SMTP server's messages over HTTP: GET /messages?to=<address>. */
function serveMailbox(smtp: SmtpTestServer): Promise<Server> {
  const server = createServer((request, response) => {
    const to = new URL(request.url ?? '/', 'http://x').searchParams.get('to');
    const messages = (to ? smtp.to(to) : smtp.received).map(({ recipients, mail }) => ({
      to: recipients,
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : '',
    }));
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(messages));
  });
  return new Promise((done) => server.listen(mailboxPort(), '127.0.0.1', () => done(server)));
}

/**
 * Drops the queues a previous run left under this prefix: job ids come from outbox event ids,
 * which restart with the fresh database, so an old job of the same id would swallow a new one.
 */
async function clearQueues(): Promise<void> {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${testPrefix()}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Starts the platform the browser tests run against: a fresh database migrated and loaded with
 * the demo data, a real SMTP server, the built api and worker. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const built of [
    'apps/api/main.js',
    'apps/worker/main.js',
    'apps/cli/main.js',
    'web/index.html',
  ])
    if (!existsSync(join(DIST, built)))
      throw new Error(`dist/${built} is missing: run \`npm run build\` before the browser tests.`);
  mkdirSync(join(ROOT, '.reports'), { recursive: true });
  rmSync(LOG, { force: true });
  const files = mkdtempSync(join(tmpdir(), 'lifelong-web-test-'));

  const database = await createConnection(
    process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306',
  );
  await database.query(`DROP DATABASE IF EXISTS \`${testPrefix()}\``);
  await database.end();
  await clearQueues();

  const smtp = new SmtpTestServer();
  await smtp.start();
  const mailbox = await serveMailbox(smtp);
  const sso = await startSsoProvider();
  const env = platformEnvironment(files, smtp.port, sso.issuer);
  // From the repository, as `npm start` runs: the apps find installed packages (the certificate
  // fonts) from the working directory. What they write goes to `files` (MAIL_DIR, MEDIA_DIR).
  await runToEnd(['migrate'], env, ROOT);
  await runToEnd(['seed-demo'], env, ROOT);
  const api = run('api', [], env, ROOT);
  const worker = run('worker', [], env, ROOT);
  const teardown = async (): Promise<void> => {
    await Promise.all([stop(api), stop(worker)]);
    await smtp.stop();
    await sso.stop();
    await new Promise((done) => mailbox.close(done));
    rmSync(files, { recursive: true, force: true });
  };
  // An api that never comes up (a port still taken, say) must not leave the worker running on.
  await waitForReady(api).catch(async (error: unknown) => {
    await teardown();
    throw error;
  });
  return teardown;
}
