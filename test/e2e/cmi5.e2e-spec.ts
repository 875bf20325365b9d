import { randomUUID } from 'node:crypto';
import type { Principal } from '@lifelong/identity';
import { DataSource } from 'typeorm';
import { adminSession } from '../support/admin-session';
import {
  AU_IRI,
  cmi5Xml,
  contentFiles,
  contentPackage,
  renamed,
  zipOf,
} from '../support/cmi5-packages';
import { buildCourse, facility, outboxEvents } from '../support/course-fixtures';
import { expectStatus } from '../support/e2e';
import type { Json } from '../support/http-client';
import { peopleRegistry } from '../support/people';

// issue 20, item 5: a cmi5 lesson over HTTP. An author uploads a package (hostile ones are
// refused), an enrolled learner launches it, the content fetches its auth token once, reads
// LMS.LaunchData and sends statements with it (xAPI 1.0.3, as cmi5 content does), and the
// lesson completes by the AU's moveOn, exactly once.

const api = adminSession({ withMediaDir: true });
const person = peopleRegistry(() => api.http, 'cmi5');

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const PASSED = 'http://adlnet.gov/expapi/verbs/passed';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

let courseId: string;
let lessonId: string;
let readingId: string;

const adminPrincipal = (): Principal => ({
  userId: api.adminId,
  email: 'admin@example.vn',
  roles: [{ role: 'admin', scopeType: null, scopeId: null }],
});

/** POSTs `zip` as the lesson's package (multipart field `file`). */
async function upload(zip: Buffer, token = api.adminToken, lesson = lessonId) {
  const form = new FormData();
  form.append('file', new Blob([zip], { type: 'application/zip' }), 'goi-cmi5.zip');
  const response = await fetch(`${api.http.base}/api/v1/lessons/${lesson}/cmi5-package`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** A URL the api handed out, on the test's own listening address. */
const local = (url: string): string => {
  const parsed = new URL(url);
  return `${api.http.base}${parsed.pathname}${parsed.search}`;
};

interface Launch {
  url: string;
  params: URLSearchParams;
  registration: string;
}

async function launch(token: string): Promise<Launch> {
  const body = await expectStatus(
    api.http.post(`/api/v1/lessons/${lessonId}/cmi5-launch`, { token }),
    201,
  );
  const url = body.url as string;
  return { url, params: new URL(url).searchParams, registration: body.registration as string };
}

/** POSTs to the launch's fetch URL, as the content does. */
async function fetchToken(params: URLSearchParams) {
  const response = await fetch(local(params.get('fetch')!), { method: 'POST' });
  return { status: response.status, body: (await response.json()) as Json };
}

/** A request to the xAPI store with the auth token, naming xAPI 1.0.3 as `@xapi/cmi5` does. */
async function xapi(method: string, path: string, authToken: string, body?: unknown) {
  const response = await fetch(`${api.http.base}/xapi/${path}`, {
    method,
    headers: {
      authorization: `Basic ${authToken}`,
      'x-experience-api-version': '1.0.3',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
}

const statement = (params: URLSearchParams, verb: string, extra: Json = {}): Json => ({
  id: randomUUID(),
  actor: JSON.parse(params.get('actor')!) as Json,
  verb: { id: verb },
  object: { objectType: 'Activity', id: params.get('activityId') },
  context: { registration: params.get('registration') },
  ...extra,
});

async function lessonStatus(token: string, enrollmentId: string): Promise<string> {
  const detail = await expectStatus(
    api.http.get(`/api/v1/enrollments/${enrollmentId}`, { token }),
    200,
  );
  return ((detail.lessons as Json[]).find((l) => l.lessonId === lessonId)?.status as string) ?? '';
}

beforeAll(async () => {
  const admin = adminPrincipal();
  const facilityId = await facility(api.app, admin);
  ({
    courseId,
    lessonIds: [lessonId, readingId],
  } = (await buildCourse(api.app, admin, facilityId, {
    lessons: [
      { title: 'An toàn điện (cmi5)', kind: 'cmi5' },
      { title: 'Đọc thêm', kind: 'reading', body: '<p>Đọc thêm</p>', required: false },
    ],
    publish: false,
  })) as { courseId: string; lessonIds: [string, string] });
});

describe('uploading a cmi5 package', () => {
  it('refuses hostile and broken packages with the reason, and non-staff', async () => {
    const planted = { name: 'aa/aa/x', data: 'escaped' };
    const traversal = renamed(
      await zipOf([{ name: 'cmi5.xml', data: cmi5Xml() }, ...contentFiles(), planted]),
      'aa/aa/x',
      '../../x',
    );
    const cases: [Buffer, string][] = [
      [traversal, 'entry-path'],
      [await contentPackage({ url: 'https://vendor.example.com/index.html' }), 'launch-url'],
      [await zipOf(contentFiles()), 'missing-structure'],
      [
        await zipOf([{ name: 'cmi5.xml', data: '<courseStructure><au>' }, ...contentFiles()]),
        'structure',
      ],
      [
        await zipOf([
          { name: 'cmi5.xml', data: cmi5Xml() },
          ...contentFiles(),
          { name: 'zeros.bin', data: Buffer.alloc(16 * 1024 * 1024) },
        ]),
        'compression-ratio',
      ],
      [Buffer.from('not a zip at all'), 'zip'],
    ];
    for (const [zip, reason] of cases) {
      const answer = await upload(zip);
      expect({ reason, status: answer.status, code: answer.body.code }).toEqual({
        reason,
        status: 422,
        code: 'CMI5_PACKAGE_INVALID',
      });
      expect((answer.body.details as Json).reason).toBe(reason);
    }
    const stranger = await person();
    expect((await upload(await contentPackage(), stranger.token)).status).toBe(403);
    const reading = await upload(await contentPackage(), api.adminToken, readingId);
    expect([reading.status, reading.body.code]).toEqual([422, 'LESSON_NOT_CMI5']);
    // Nothing was kept: the lesson still has no package.
    const none = await api.http.get(`/api/v1/lessons/${lessonId}/cmi5-package`, {
      token: api.adminToken,
    });
    expect([none.status, none.body.code]).toEqual([404, 'CMI5_PACKAGE_NOT_FOUND']);
  });

  it('keeps a valid package as the lesson package, which publishing needs', async () => {
    const early = await api.http.post(`/api/v1/courses/${courseId}/publish`, {
      token: api.adminToken,
    });
    expect(early.status).toBe(422);
    expect((early.body.details as { reasons: Json[] }).reasons).toEqual([
      expect.objectContaining({ code: 'CMI5_WITHOUT_PACKAGE', lessonId }),
    ]);
    const answer = await upload(
      await contentPackage({ moveOn: 'CompletedAndPassed', masteryScore: 0.8 }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      lessonId,
      auId: AU_IRI,
      title: 'An toàn điện trong gia đình',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
      launchMethod: 'AnyWindow',
      fileCount: 5,
    });
    await expectStatus(
      api.http.post(`/api/v1/courses/${courseId}/publish`, { token: api.adminToken }),
      200,
    );
  });
});

describe('launching and completing a cmi5 lesson', () => {
  it('launches for enrolled learners only, serves the content under a strict CSP, and completes by moveOn exactly once', async () => {
    const learner = await person();
    const outsider = await person();
    expect(
      (await api.http.post(`/api/v1/lessons/${lessonId}/cmi5-launch`, { token: outsider.token }))
        .status,
    ).toBe(403);
    const enrollment = await expectStatus(
      api.http.post(`/api/v1/courses/${courseId}/enrollments`, { token: learner.token }),
      201,
    );
    const enrollmentId = (enrollment.id ?? (enrollment.enrollment as Json).id) as string;

    const first = await launch(learner.token);
    const { params } = first;
    expect(params.get('endpoint')).toMatch(/\/xapi\/$/);
    expect(params.get('activityId')).toBe(AU_IRI);
    expect(JSON.parse(params.get('actor')!)).toMatchObject({
      objectType: 'Agent',
      account: { name: learner.id },
    });

    // The content: public behind the signed path, with the strict policy; nothing else.
    const page = await fetch(local(first.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const base = new URL(local(first.url));
    const dir = base.pathname.replace(/index\.html$/, '');
    expect((await fetch(`${base.origin}${dir}css/style.css`)).status).toBe(200);
    expect((await fetch(`${base.origin}${dir}..%2F..%2Fcmi5.xml`)).status).toBe(404);
    expect((await fetch(`${base.origin}${dir}missing.js`)).status).toBe(404);
    const forged = dir.replace(/\/[A-Za-z0-9_-]{43}\/$/, `/${'A'.repeat(43)}/`);
    expect((await fetch(`${base.origin}${forged}index.html`)).status).toBe(403);

    // The fetch URL answers once.
    const token = await fetchToken(params);
    expect(token.status).toBe(200);
    const authToken = token.body['auth-token'] as string;
    expect(authToken).toEqual(expect.any(String));
    expect((await fetchToken(params)).body).toMatchObject({ 'error-code': '1' });

    // LMS.LaunchData, in the state API, as the spec names it.
    const stateQuery = new URLSearchParams({
      activityId: AU_IRI,
      agent: params.get('actor')!,
      registration: first.registration,
      stateId: 'LMS.LaunchData',
    });
    const launchData = await xapi('GET', `activities/state?${stateQuery.toString()}`, authToken);
    expect(launchData.status).toBe(200);
    expect(launchData.body).toMatchObject({
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
    });
    const template = (launchData.body as Json).contextTemplate as Json;
    expect(typeof (template.extensions as Json)[SESSION_ID]).toBe('string');

    // The token covers its learner and registration only.
    const otherActor = statement(params, COMPLETED, {
      actor: { objectType: 'Agent', mbox: 'mailto:ai-do@example.vn' },
    });
    expect((await xapi('POST', 'statements', authToken, otherActor)).status).toBe(403);
    const otherRegistration = statement(params, COMPLETED, {
      context: { registration: randomUUID() },
    });
    expect((await xapi('POST', 'statements', authToken, otherRegistration)).status).toBe(403);
    const wrong = `${authToken.slice(0, -4)}AAA=`;
    expect((await xapi('POST', 'statements', wrong, statement(params, COMPLETED))).status).toBe(
      401,
    );

    // Completed alone does not satisfy CompletedAndPassed; a pass below the mastery score is refused.
    expect((await xapi('POST', 'statements', authToken, statement(params, COMPLETED))).status).toBe(
      200,
    );
    expect(await lessonStatus(learner.token, enrollmentId)).not.toBe('completed');
    const low = statement(params, PASSED, { result: { success: true, score: { scaled: 0.5 } } });
    expect((await xapi('POST', 'statements', authToken, low)).status).toBe(400);
    const passed = statement(params, PASSED, { result: { success: true, score: { scaled: 0.9 } } });
    expect((await xapi('POST', 'statements', authToken, passed)).status).toBe(200);
    expect(await lessonStatus(learner.token, enrollmentId)).toBe('completed');

    // Sent again, and again in a later session: the lesson completed once.
    expect((await xapi('POST', 'statements', authToken, passed)).status).toBe(200);
    const second = await launch(learner.token);
    expect(second.registration).toBe(first.registration);
    const secondToken = (await fetchToken(second.params)).body['auth-token'] as string;
    expect(
      (
        await xapi(
          'POST',
          'statements',
          secondToken,
          statement(second.params, PASSED, {
            result: { success: true, score: { scaled: 1 } },
          }),
        )
      ).status,
    ).toBe(200);
    const completions = (
      await outboxEvents(api.app.get(DataSource), 'enrollment.lesson-completed')
    ).filter((event) => event.lessonId === lessonId && event.userId === learner.id);
    expect(completions).toHaveLength(1);
    // The LMS stated the course satisfied once, and the launches it made.
    const [counts] = await api.app.get(DataSource).query<{ satisfied: string; launched: string }[]>(
      `SELECT SUM(JSON_VALUE(statement, '$.verb.id') = 'https://w3id.org/xapi/adl/verbs/satisfied') AS satisfied,
              SUM(JSON_VALUE(statement, '$.verb.id') = 'http://adlnet.gov/expapi/verbs/launched') AS launched
         FROM xapi_statements WHERE registration = UNHEX(REPLACE(?, '-', ''))`,
      [first.registration],
    );
    expect([Number(counts?.satisfied), Number(counts?.launched)]).toEqual([1, 2]);
  });
});
