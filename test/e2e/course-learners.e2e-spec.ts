import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import { eventually, expectStatus } from '../support/e2e';
import type { operations } from '../../apps/web/src/api/schema';
import { type Person, peopleRegistry } from '../support/people';

// A course's learners as its staff see them, over HTTP with the real api and worker: progress,
// completion and the certificate the worker issued, the waitlist in queue order, search without
// diacritics, the CSV export, and the refusals for anyone who is not the course's staff.
const api = adminSession({ withWorker: true });
const { tree } = api;
let teacher: Person;
let outsider: Person;
let courseId: string;
let draftId: string;
const learners: Record<string, Person> = {};

jest.setTimeout(60_000);

const person = peopleRegistry(() => api.http, 'learners-e2e');

async function register(key: string, fullName: string): Promise<void> {
  learners[key] = await person({ email: `${key}@example.vn`, fullName });
}

async function enroll(key: string): Promise<string> {
  const body = await expectStatus(
    answered(
      apiClient(api.http.base, learners[key]!.token).POST('/api/v1/courses/{id}/enrollments', {
        params: { path: { id: courseId } },
      }),
    ),
    201,
  );
  return body.id;
}

type ListQuery = operations['CourseLearnersController_list']['parameters']['query'];
const list = (query: ListQuery = {}, token = teacher.token) =>
  answered(
    apiClient(api.http.base, token).GET('/api/v1/courses/{id}/learners', {
      params: { path: { id: courseId }, query },
    }),
  );

beforeAll(async () => {
  const province = await tree.adminUnit('LRN-HN', undefined, 'province');
  const other = await tree.adminUnit('LRN-LC', undefined, 'province');
  const mine = await tree.facility('Trung tâm LRN-HN', province);
  const theirs = await tree.facility('Trung tâm LRN-LC', other);
  teacher = await person();
  await tree.grant(teacher.id, 'instructor', mine);
  outsider = await person();
  await tree.grant(outsider.id, 'instructor', theirs);

  const asTeacher = apiClient(api.http.base, teacher.token);
  const course = await expectStatus(
    answered(
      asTeacher.POST('/api/v1/courses', {
        body: { facilityId: mine.scopeId, title: 'Kỹ năng số', summary: 'Cơ bản', capacity: 2 },
      }),
    ),
    201,
  );
  courseId = course.id;
  const section = await expectStatus(
    answered(
      asTeacher.POST('/api/v1/courses/{id}/sections', {
        params: { path: { id: courseId } },
        body: { title: 'Phần 1' },
      }),
    ),
    201,
  );
  const readings: string[] = [];
  for (const title of ['Bài 1', 'Bài 2'])
    readings.push(
      (
        await expectStatus(
          answered(
            asTeacher.POST('/api/v1/sections/{id}/lessons', {
              params: { path: { id: section.id } },
              body: { title, kind: 'reading', body: '<p>Nội dung</p>' },
            }),
          ),
          201,
        )
      ).id,
    );
  await expectStatus(
    answered(
      asTeacher.POST('/api/v1/courses/{id}/publish', { params: { path: { id: courseId } } }),
    ),
    200,
  );
  const draft = await expectStatus(
    answered(
      asTeacher.POST('/api/v1/courses', {
        body: { facilityId: mine.scopeId, title: 'Bản nháp', summary: 'Chưa xuất bản' },
      }),
    ),
    201,
  );
  draftId = draft.id;

  await register('hang', 'Nguyễn Thị Hằng');
  await register('binh', 'Trần Văn Bình');
  await register('cuong', 'Lê Đức Cường');
  await register('formula', '=HYPERLINK("http://x","y")');
  const complete = (key: string, enrollmentId: string, lessonId: string) =>
    expectStatus(
      api.http.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`, {
        token: learners[key]!.token,
      }),
      200,
    );
  const hang = await enroll('hang');
  await complete('hang', hang, readings[0]!);
  await complete('hang', hang, readings[1]!);
  await complete('binh', await enroll('binh'), readings[0]!);
  // The course is full (capacity 2): these two wait, Cường first.
  await enroll('cuong');
  await enroll('formula');
});

describe('a course’s learners', () => {
  it('lists every learner by name with progress, completion and the certificate issued', async () => {
    const page = await eventually('the certificate in the list', async () => {
      const answer = await expectStatus(list(), 200);
      const items = answer.items;
      return items.some((item) => item.certificate !== null) ? answer : undefined;
    });
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    const items = page.items;
    expect(items.map((item) => item.fullName)).toEqual([
      '=HYPERLINK("http://x","y")',
      'Lê Đức Cường',
      'Nguyễn Thị Hằng',
      'Trần Văn Bình',
    ]);
    expect(items[2]).toEqual({
      enrollmentId: expect.any(String) as unknown,
      userId: learners.hang!.id,
      fullName: 'Nguyễn Thị Hằng',
      email: 'hang@example.vn',
      status: 'completed',
      progressPercent: 100,
      enrolledAt: expect.any(String) as unknown,
      completedAt: expect.any(String) as unknown,
      waitlistPosition: null,
      certificate: {
        serial: expect.stringMatching(
          /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/,
        ) as unknown,
        issuedAt: expect.any(String) as unknown,
        expiresAt: null,
        status: 'valid',
      },
    });
    expect(items[3]).toMatchObject({
      status: 'active',
      progressPercent: 50,
      completedAt: null,
      waitlistPosition: null,
      certificate: null,
    });
  });

  it('pages on the server', async () => {
    const second = await expectStatus(list({ page: 2, pageSize: 3 }), 200);
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.fullName)).toEqual(['Trần Văn Bình']);
  });

  it('gives the waitlist in queue order with each one’s place', async () => {
    const waiting = await expectStatus(list({ status: 'waitlisted' }), 200);
    expect(waiting.total).toBe(2);
    expect(waiting.items.map((item) => [item.fullName, item.waitlistPosition])).toEqual([
      ['Lê Đức Cường', 1],
      ['=HYPERLINK("http://x","y")', 2],
    ]);
  });

  it('finds learners by name or email without diacritics, case or the đ', async () => {
    const names = async (q: string): Promise<unknown[]> =>
      (await expectStatus(list({ q }), 200)).items.map((item) => item.fullName);
    expect(await names('nguyen thi hang')).toEqual(['Nguyễn Thị Hằng']);
    expect(await names('DUC')).toEqual(['Lê Đức Cường']);
    expect(await names('binh@example')).toEqual(['Trần Văn Bình']);
    expect(await names('tra')).toEqual(['Trần Văn Bình']);
    // The place in the queue is the queue's, not the search result's.
    const found = await expectStatus(list({ status: 'waitlisted', q: 'hyperlink' }), 200);
    expect(found.items).toEqual([expect.objectContaining({ waitlistPosition: 2 })]);
  });

  it('exports the same learners as CSV, formula-like text kept as text', async () => {
    const response = await fetch(`${api.http.base}/api/v1/courses/${courseId}/learners.csv`, {
      headers: { authorization: `Bearer ${teacher.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="learners.csv"');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'fullName,email,status,progressPercent,enrolledAt,completedAt,waitlistPosition,certificateSerial,certificateStatus,certificateIssuedAt,certificateExpiresAt',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/x"",""y""\)",formula@example\.vn,waitlisted,0,/,
    );
    expect(lines[3]).toMatch(
      /^Nguyễn Thị Hằng,hang@example\.vn,completed,100,[^,]+,[^,]+,,[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2},valid,[^,]+,$/,
    );
    const waiting = await fetch(
      `${api.http.base}/api/v1/courses/${courseId}/learners.csv?status=waitlisted&q=cuong`,
      { headers: { authorization: `Bearer ${teacher.token}` } },
    );
    const rows = (await waiting.text()).trim().split('\n');
    expect(rows.slice(1)).toEqual([
      expect.stringMatching(/^Lê Đức Cường,cuong@example\.vn,waitlisted,0,.+,,1,,,,$/),
    ]);
  });

  it('refuses everyone but the course’s staff', async () => {
    // An instructor of another facility: 403 on a published course, 404 on a draft.
    expect((await list({}, outsider.token)).body).toMatchObject({
      statusCode: 403,
      code: 'FORBIDDEN',
    });
    const csv = await fetch(`${api.http.base}/api/v1/courses/${courseId}/learners.csv`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(csv.status).toBe(403);
    expect(
      (await api.http.get(`/api/v1/courses/${draftId}/learners`, { token: outsider.token })).body,
    ).toMatchObject({ statusCode: 404, code: 'COURSE_NOT_FOUND' });
    // A learner of the course holds no staff role.
    expect((await list({}, learners.hang!.token)).status).toBe(403);
    expect((await api.http.get(`/api/v1/courses/${courseId}/learners`)).status).toBe(401);
    // The course's own staff see a draft's (empty) list; an admin sees any course's.
    expect(
      (await api.http.get(`/api/v1/courses/${draftId}/learners`, { token: teacher.token })).body,
    ).toMatchObject({ total: 0, items: [] });
    expect((await list({}, api.adminToken)).body).toMatchObject({ total: 4 });
  });

  it('refuses malformed filters', async () => {
    const graduated = await api.http.get(`/api/v1/courses/${courseId}/learners?status=graduated`, {
      token: teacher.token,
    });
    expect(graduated.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await list({ pageSize: 101 })).status).toBe(400);
  });
});
