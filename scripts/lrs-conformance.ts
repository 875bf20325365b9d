import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@lifelong/common';
import { createDatabaseIfMissing, runMigrations } from '@lifelong/database';
import { createConnection } from 'mysql2/promise';
import { testDatabaseName, testEnvironment } from '../test/setup/test-env';
import { ApiProcess } from '../test/support/api-process';

// issue 20, item 2: ADL's LRS conformance suite (adlnet/lrs-conformance-test-suite, a checkout
// outside this repository) run for xAPI 2.0 against the real api on loopback, with a database of
// its own that is dropped afterwards. Usage: npm run lrs-conformance -- <suite checkout>
// [runner options, e.g. -g <pattern>]

const WORKER = 'lrs';
const REPORT_DIR = resolve(__dirname, '..', '.reports', 'lrs-conformance');

interface Summary {
  total: number;
  passed: number;
  failed: number;
}

interface RunLog {
  summary?: Summary;
  log?: TestLog;
}

interface TestLog {
  title?: string;
  status?: string;
  error?: string;
  tests?: TestLog[];
}

async function main(): Promise<number> {
  const suite = process.argv[2];
  if (!suite || !existsSync(join(suite, 'bin', 'console_runner.js'))) {
    process.stderr.write(
      'usage: npm run lrs-conformance -- <lrs-conformance-test-suite checkout>\n',
    );
    return 2;
  }
  if (!existsSync(join(suite, 'node_modules'))) {
    process.stderr.write(`run npm install in ${suite} first\n`);
    return 2;
  }
  const env = testEnvironment(WORKER);
  const config = loadConfig(env);
  const database = testDatabaseName(WORKER);
  await dropDatabase(config, database);
  await createDatabaseIfMissing(config, database);
  await runMigrations(config);
  const api = await ApiProcess.start(env);
  try {
    const client = await issueClient(api.base, env);
    const started = new Date();
    const output = await runSuite(suite, `${api.base}/xapi`, client, process.argv.slice(3));
    return writeReport(suite, output, started);
  } finally {
    await api.kill();
    await dropDatabase(config, database);
  }
}

async function dropDatabase(config: ReturnType<typeof loadConfig>, name: string): Promise<void> {
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name.replace(/`/g, '')}\``);
  } finally {
    await connection.end();
  }
}

/** Signs the platform admin in and issues a client that may read everything and write. */
async function issueClient(
  base: string,
  env: Record<string, string>,
): Promise<{ key: string; secret: string }> {
  const login = await post(`${base}/api/v1/auth/login`, {
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
  });
  const issued = await post(
    `${base}/api/v1/admin/lrs-clients`,
    { name: 'ADL conformance suite', scopes: ['statements/write', 'statements/read'] },
    login.accessToken as string,
  );
  return { key: issued.key as string, secret: issued.secret as string };
}

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The suite's own console runner; resolves with what it printed. */
function runSuite(
  suite: string,
  endpoint: string,
  client: { key: string; secret: string },
  extra: string[],
): Promise<string> {
  const args = ['bin/console_runner.js', '-x', '2.0.0', '-e', endpoint, '-a'];
  args.push('-u', client.key, '-p', client.secret, ...extra);
  const child = spawn(process.execPath, args, { cwd: suite, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
    // The runner prints its summary every 2 s: progress without the whole log.
    const last = chunk.toString().trim().split('\n').pop() ?? '';
    if (last.startsWith('{')) process.stdout.write(`${last}\n`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((done) => child.once('close', () => done(output)));
}

/** Copies the runner's log beside a text summary of every failure; the exit code. */
function writeReport(suite: string, output: string, started: Date): number {
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(join(REPORT_DIR, 'console.txt'), output);
  const logPath = /Full run log written to (\S+)/.exec(output)?.[1];
  if (!logPath) {
    process.stderr.write(`the suite wrote no log; its output is in ${REPORT_DIR}/console.txt\n`);
    return 1;
  }
  copyFileSync(resolve(suite, logPath), join(REPORT_DIR, 'report.json'));
  const run = JSON.parse(readFileSync(logPath, 'utf8')) as RunLog;
  const summary = run.summary ?? { total: 0, passed: 0, failed: 0 };
  const failures: string[] = [];
  collectFailures(run.log, [], failures);
  const text = [
    `ADL LRS conformance suite, xAPI 2.0.0, ${started.toISOString()}`,
    `total ${summary.total}, passed ${summary.passed}, failed ${summary.failed}`,
    '',
    ...failures,
  ].join('\n');
  writeFileSync(join(REPORT_DIR, 'summary.txt'), `${text}\n`);
  process.stdout.write(`${text}\nreport: ${REPORT_DIR}\n`);
  return summary.failed > 0 || summary.total === 0 ? 1 : 0;
}

/** The innermost failed tests, each with the titles above it and its error. */
function collectFailures(log: TestLog | undefined, path: string[], into: string[]): void {
  if (!log || log.status !== 'failed') return;
  const here = log.title ? [...path, log.title] : path;
  const failedChildren = (log.tests ?? []).filter((test) => test.status === 'failed');
  if (failedChildren.length === 0) {
    into.push(`FAIL ${here.join(' > ')}\n     ${(log.error ?? '').split('\n')[0]}`);
    return;
  }
  for (const test of failedChildren) collectFailures(test, here, into);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
