import { createHash, randomUUID } from 'node:crypto';
import { JobQueue, JobsModule, SystemClock } from '@lifelong/common';
import { createDatabaseIfMissing, runMigrations } from '@lifelong/database';
import {
  forwardJobId,
  ForwardStatementsJob,
  LearningRecordsWorkerModule,
  PlanForwardsJob,
} from '@lifelong/learning-records';
import type { TestingModule } from '@nestjs/testing';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { testConfig, testDatabaseName, testEnvironment } from '../setup/test-env';
import { adminSession } from '../support/admin-session';
import { expectStatus } from '../support/e2e';
import type { Json } from '../support/http-client';
import { servicesModule } from '../support/services-module';
import { TcpProxy } from '../support/tcp-proxy';

// issue 20, item 4: statements forwarded to an external LRS, here a second Lifelong api on
// loopback with a database of its own, reached through a proxy the test cuts to play an outage.

const REMOTE_DATABASE = `${testDatabaseName()}_remote`;
const remoteEnv = (): Record<string, string> => {
  const url = new URL(testEnvironment().DATABASE_URL!);
  url.pathname = `/${REMOTE_DATABASE}`;
  return { DATABASE_URL: url.toString(), QUEUE_PREFIX: `${REMOTE_DATABASE}` };
};

// The remote's database, from nothing, before either api starts.
beforeAll(async () => {
  const config = testConfig(remoteEnv());
  const { host, port, user, password } = config.database;
  const connection = await createConnection({ host, port, user, password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${REMOTE_DATABASE}\``);
  } finally {
    await connection.end();
  }
  await createDatabaseIfMissing(config, REMOTE_DATABASE);
  await runMigrations(config);
}, 120_000);

const local = adminSession();
const remote = adminSession({ env: remoteEnv });

interface Client {
  key: string;
  secret: string;
}

const basic = (client: Client): string =>
  `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`;

async function issue(session: typeof local, scopes: string[]): Promise<Client> {
  const { key, secret } = await expectStatus(
    session.http.post('/api/v1/admin/lrs-clients', {
      token: session.adminToken,
      body: { name: 'forwarding', scopes },
    }),
    201,
  );
  return { key: key as string, secret: secret as string };
}

async function xapi(base: string, client: Client, method: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${base}/xapi/statements${method === 'GET' ? '?limit=500' : ''}`, {
    method,
    headers: {
      'x-experience-api-version': '2.0.0',
      authorization: basic(client),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const ATTEMPTED = 'http://adlnet.gov/expapi/verbs/attempted';
const statement = (verb: string): Json => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: 'mailto:lan@example.vn' },
  verb: { id: verb, display: { 'vi-VN': 'đã làm' } },
  object: { id: 'https://lifelong.example/xapi/activities/course-1' },
});

let proxy: TcpProxy;
let writer: Client; // here
let remoteWriter: Client; // the remote's client this store sends with
let remoteReader: Client;
let worker: TestingModule;
let job: ForwardStatementsJob;

beforeAll(async () => {
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(remote.http.base).port) });
  writer = await issue(local, ['statements/write']);
  remoteWriter = await issue(remote, ['statements/write']);
  remoteReader = await issue(remote, ['statements/read']);
  // The forwarding job in-process, on the local database, so the test runs it when it wants.
  worker = await servicesModule(local.config, new SystemClock(), [
    JobsModule,
    LearningRecordsWorkerModule,
  ]);
  job = worker.get(ForwardStatementsJob);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await proxy?.close();
});

const remoteIds = async (): Promise<string[]> =>
  ((await xapi(remote.http.base, remoteReader, 'GET')).statements as Json[]).map(
    (stored) => stored.id as string,
  );

async function register(body: Json): Promise<Json> {
  return expectStatus(
    local.http.post('/api/v1/admin/lrs-forwards', { token: local.adminToken, body }),
    201,
  );
}

async function forwardOf(id: string): Promise<Json> {
  const list = await expectStatus(
    local.http.get('/api/v1/admin/lrs-forwards', { token: local.adminToken }),
    200,
  );
  return (list.items as Json[]).find((item) => item.id === id)!;
}

describe('forwarding to an external LRS', () => {
  it('is registered by the platform administrator, validated, audited, and never shows the secret', async () => {
    const anonymous = await local.http.post('/api/v1/admin/lrs-forwards', {
      body: { name: 'x', endpoint: 'https://lrs.example.org/xapi', key: 'k', secret: 's' },
    });
    expect(anonymous.status).toBe(401);
    for (const endpoint of ['ftp://lrs.example.org/xapi', 'not a url', 'javascript:alert(1)'])
      await expectStatus(
        local.http.post('/api/v1/admin/lrs-forwards', {
          token: local.adminToken,
          body: { name: 'x', endpoint, key: 'k', secret: 's' },
        }),
        400,
      );
    const created = await register({
      name: 'Bộ Y tế',
      endpoint: 'https://lrs.example.org/xapi/',
      key: 'ministry',
      secret: 'very-secret-value',
    });
    expect(created).toMatchObject({
      endpoint: 'https://lrs.example.org/xapi',
      key: 'ministry',
      verbs: null,
      forwardedSeq: '0',
      revokedAt: null,
    });
    expect(JSON.stringify(created)).not.toContain('very-secret-value');
    const listed = await forwardOf(created.id as string);
    expect(JSON.stringify(listed)).not.toContain('very-secret-value');
    const revoked = await expectStatus(
      local.http.post(`/api/v1/admin/lrs-forwards/${created.id as string}/revoke`, {
        token: local.adminToken,
      }),
      200,
    );
    expect(revoked.revokedAt).not.toBeNull();
    // A revoked forward sends nothing.
    expect(await job.forward({ forwardId: created.id as string })).toEqual({ forwarded: 0 });
    const audit = await expectStatus(
      local.http.get(`/api/v1/admin/audit?subjectId=${created.id as string}`, {
        token: local.adminToken,
      }),
      200,
    );
    expect((audit.items as Json[]).map((entry) => entry.action).sort()).toEqual([
      'lrs-forward.registered',
      'lrs-forward.revoked',
    ]);
    expect(JSON.stringify(audit)).not.toContain('very-secret-value');
  });

  it('sends each statement once with its id, keeps the cursor through an outage, and loses nothing', async () => {
    const endpoint = `http://127.0.0.1:${proxy.port}/xapi`;
    const attempted = await register({
      name: 'attempts only',
      endpoint,
      key: remoteWriter.key,
      secret: remoteWriter.secret,
      verbs: [ATTEMPTED],
    });
    const everything = await register({
      name: 'remote',
      endpoint,
      key: remoteWriter.key,
      secret: remoteWriter.secret,
    });
    const first = [statement(COMPLETED), statement(ATTEMPTED), statement(COMPLETED)];
    await xapi(local.http.base, writer, 'POST', first);

    // The verb filter: only the attempt goes.
    expect(await job.forward({ forwardId: attempted.id as string })).toEqual({ forwarded: 1 });
    expect(await remoteIds()).toEqual([first[1]!.id]);

    expect(await job.forward({ forwardId: everything.id as string })).toEqual({ forwarded: 3 });
    expect((await remoteIds()).sort()).toEqual(first.map((sent) => sent.id as string).sort());
    const cursor = (await forwardOf(everything.id as string)).forwardedSeq as string;
    expect(Number(cursor)).toBeGreaterThan(0);
    // Nothing new: nothing sent.
    expect(await job.forward({ forwardId: everything.id as string })).toEqual({ forwarded: 0 });

    // The remote is down: the run fails (BullMQ retries it with backoff), the cursor stays.
    await proxy.cut();
    const second = [statement(COMPLETED), statement(ATTEMPTED)];
    await xapi(local.http.base, writer, 'POST', second);
    await expect(job.forward({ forwardId: everything.id as string })).rejects.toThrow(
      /Could not reach/,
    );
    const during = await forwardOf(everything.id as string);
    expect(during.forwardedSeq).toBe(cursor);
    expect(during.lastError).toMatch(/Could not reach/);

    // Back: everything arrives, once.
    await proxy.restore();
    expect(await job.forward({ forwardId: everything.id as string })).toEqual({ forwarded: 2 });
    const all = [...first, ...second].map((sent) => sent.id as string).sort();
    expect((await remoteIds()).sort()).toEqual(all);
    expect((await forwardOf(everything.id as string)).lastError).toBeNull();

    // An answer lost after the remote stored a batch: the batch is sent again, harmlessly.
    await local.app
      .get(DataSource)
      .query('UPDATE `lrs_forwards` SET `forwarded_seq` = 0 WHERE `id` = ?', [everything.id]);
    expect(await job.forward({ forwardId: everything.id as string })).toEqual({ forwarded: 5 });
    expect((await remoteIds()).sort()).toEqual(all);
  });

  it('sends the attachment contents kept here as parts, so the remote keeps them too', async () => {
    const EARNED = 'https://lifelong.example/xapi/verbs/earned-with-evidence';
    const evidence = Buffer.from('%PDF-1.7 biên bản', 'utf8');
    const sha2 = createHash('sha256').update(evidence).digest('hex');
    const sent: Json = {
      ...statement(EARNED),
      attachments: [
        {
          usageType: 'https://lifelong.example/xapi/attachment-usage/evidence',
          display: { 'vi-VN': 'Minh chứng' },
          contentType: 'application/pdf',
          length: evidence.length,
          sha2,
        },
      ],
    };
    const boundary = 'lifelong-evidence';
    const stored = await fetch(`${local.http.base}/xapi/statements`, {
      method: 'POST',
      headers: {
        'x-experience-api-version': '2.0.0',
        authorization: basic(writer),
        'content-type': `multipart/mixed; boundary=${boundary}`,
      },
      body: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(sent)}\r\n` +
            `--${boundary}\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n` +
            `X-Experience-API-Hash: ${sha2}\r\n\r\n`,
        ),
        evidence,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(stored.status).toBe(200);
    const forward = await register({
      name: 'evidence',
      endpoint: `http://127.0.0.1:${proxy.port}/xapi`,
      key: remoteWriter.key,
      secret: remoteWriter.secret,
      verbs: [EARNED],
    });
    expect(await job.forward({ forwardId: forward.id as string })).toEqual({ forwarded: 1 });
    const answer = await fetch(
      `${remote.http.base}/xapi/statements?statementId=${sent.id as string}&attachments=true`,
      { headers: { 'x-experience-api-version': '2.0.0', authorization: basic(remoteReader) } },
    );
    expect(answer.status).toBe(200);
    const body = Buffer.from(await answer.arrayBuffer());
    expect(body.includes(evidence)).toBe(true);
    expect(body.toString('latin1')).toContain(`X-Experience-API-Hash: ${sha2}`);
  });

  it('stops on a conflict (other content under one id) and keeps the cursor', async () => {
    const clash = statement(COMPLETED);
    await xapi(remote.http.base, remoteWriter, 'POST', [
      { ...clash, object: { id: 'https://elsewhere.example/activity' } },
    ]);
    await xapi(local.http.base, writer, 'POST', [clash]);
    const forward = await register({
      name: 'clash',
      endpoint: `http://127.0.0.1:${proxy.port}/xapi`,
      key: remoteWriter.key,
      secret: remoteWriter.secret,
    });
    // All of this store's statements fit one batch, which the remote refuses as a whole.
    await expect(job.forward({ forwardId: forward.id as string })).rejects.toThrow(/answered 409/);
    const after = await forwardOf(forward.id as string);
    expect(after.forwardedSeq).toBe('0');
    expect(after.lastError).toMatch(/409/);
  });

  it('refuses wrong remote credentials without moving the cursor', async () => {
    const forward = await register({
      name: 'wrong secret',
      endpoint: `http://127.0.0.1:${proxy.port}/xapi`,
      key: remoteWriter.key,
      secret: 'not-the-secret',
    });
    await expect(job.forward({ forwardId: forward.id as string })).rejects.toThrow(/answered 401/);
    expect((await forwardOf(forward.id as string)).forwardedSeq).toBe('0');
  });

  it('queues one run per active forward, with retries and backoff, however often it is planned', async () => {
    const list = await expectStatus(
      local.http.get('/api/v1/admin/lrs-forwards', { token: local.adminToken }),
      200,
    );
    const active = (list.items as Json[])
      .filter((item) => item.revokedAt === null)
      .map((item) => forwardJobId(item.id as string))
      .sort();
    expect(active.length).toBeGreaterThan(1);
    const plan = worker.get(PlanForwardsJob);
    expect(await plan.plan()).toEqual({ queued: active.length });
    await plan.plan(); // a second run, or a second worker, while the runs wait: nothing more
    const queue = worker.get(JobQueue).queue('default');
    const queued = (await queue.getJobs(['waiting', 'delayed', 'active'])).filter(
      (queuedJob) =>
        queuedJob.name === 'learning-records.forward-statements' &&
        active.includes(queuedJob.id ?? ''),
    );
    try {
      expect(queued.map((queuedJob) => queuedJob.id).sort()).toEqual(active);
      expect(queued[0]!.opts).toMatchObject({
        attempts: 10,
        backoff: { type: 'exponential', delay: 2_000 },
      });
    } finally {
      await Promise.all(queued.map((queuedJob) => queuedJob.remove()));
    }
  });
});
