import { EnrollLearnerService } from '@lifelong/enrollment';
import { periodsOf } from '@lifelong/monitoring';
import { DataSource } from 'typeorm';
import { adminSession } from '../support/admin-session';
import { insertLearners } from '../support/course-fixtures';
import { eventually, expectStatus, waitForQueues } from '../support/e2e';
import { answered, apiClient } from '../support/api-client';
import type { HttpResult } from '../support/http-client';
import { peopleRegistry } from '../support/people';

// Public programme figures with the real api and worker: enrollments, a completion and its
// certificate reach the figures through the outbox, and anyone reads them without signing in.
const api = adminSession({ withWorker: true, withMediaDir: true });
const person = peopleRegistry(() => api.http, 'monitoring');
let provinceId: string;
let courseId: string;
let lessonId: string;
const [year, quarter] = periodsOf(new Date());

jest.setTimeout(60_000);

beforeAll(async () => {
  const { asAdmin } = api;
  const province = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/admin-units', {
        body: { code: 'VN-TQ', name: 'Tỉnh Tuyên Quang', level: 'province' },
      }),
    ),
    201,
  );
  provinceId = province.id;
  const district = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/admin-units', {
        body: { code: 'VN-TQ-YS', name: 'Huyện Yên Sơn', level: 'district', parentId: provinceId },
      }),
    ),
    201,
  );
  const facility = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/facilities', {
        body: {
          code: 'TTHTCD-YS',
          name: 'Trung tâm học tập cộng đồng Yên Sơn',
          type: 'community_learning_center',
          adminUnitId: district.id,
        },
      }),
    ),
    201,
  );
  const course = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses', {
        body: { facilityId: facility.id, title: 'Trồng chè an toàn', summary: 'Kỹ thuật' },
      }),
    ),
    201,
  );
  courseId = course.id;
  const section = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses/{id}/sections', {
        params: { path: { id: courseId } },
        body: { title: 'Phần 1' },
      }),
    ),
    201,
  );
  const lesson = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/sections/{id}/lessons', {
        params: { path: { id: section.id } },
        body: { title: 'Bài đọc', kind: 'reading', body: '<p>Chè sạch.</p>' },
      }),
    ),
    201,
  );
  lessonId = lesson.id;
  await expectStatus(
    answered(asAdmin.POST('/api/v1/courses/{id}/publish', { params: { path: { id: courseId } } })),
    200,
  );
});

/** The province's figures for the period, read without a token. */
const figuresOf = async (period: string) =>
  expectStatus(
    answered(
      apiClient(api.http.base).GET('/api/v1/monitoring/figures', {
        params: { query: { period, adminUnitId: provinceId } },
      }),
    ),
    200,
  );

/** The province's stored certificate count for the year. */
const storedCertificates = async (): Promise<number> => {
  const [row] = await api.app
    .get(DataSource)
    .query<{ n: number }[]>(
      "SELECT `certificates_issued` AS n FROM `monitoring_figures` WHERE `admin_unit_id` = ? AND `period` = ? AND `facility_type` = ''",
      [provinceId, year],
    );
  return Number(row?.n ?? 0);
};

const expectRefusal = (answer: HttpResult, status: number, code: string): void => {
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
};

describe('public programme figures', () => {
  it('lists the indicator catalogue to anyone', async () => {
    const answer = await api.http.get('/api/v1/monitoring/indicators');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      expect.arrayContaining([
        {
          code: 'learners',
          name: { vi: 'Số người học', en: 'Distinct learners' },
          unit: 'people',
          definition: expect.stringContaining('each counted once') as unknown,
          source: 'computed',
        },
        {
          code: 'trained_civil_servants_commune',
          name: {
            vi: 'Số cán bộ, công chức cấp xã được bồi dưỡng đạt chuẩn',
            en: 'Civil servants trained to standard (commune agencies)',
          },
          unit: 'civil_servants',
          definition: expect.stringContaining('trained to standard') as unknown,
          source: 'computed',
        },
      ]),
    );
  });

  it('follows enrollments, a completion and its certificate, each once', async () => {
    const learners = await insertLearners(api.app.get(DataSource), 5);
    for (const userId of learners) await api.app.get(EnrollLearnerService).enroll(userId, courseId);
    const five = await eventually('five enrollments in the figures', async () => {
      const body = await figuresOf(year);
      return body.figures.enrollments === 5 ? body : undefined;
    });
    expect(five).toMatchObject({
      period: year,
      adminUnitId: provinceId,
      name: 'Tỉnh Tuyên Quang',
      figures: { facilities: 1, active_facilities: 1, learners: 5, completions: '< 5' },
      children: [{ name: 'Huyện Yên Sơn', figures: { enrollments: 5 } }],
    });

    // A sixth learner signs up, enrolls and completes over HTTP.
    const registered = await person({ email: 'hoa@example.vn', fullName: 'Lý Thị Hoa' });
    const asLearner = apiClient(api.http.base, registered.token);
    const enrollment = await expectStatus(
      answered(
        asLearner.POST('/api/v1/courses/{id}/enrollments', { params: { path: { id: courseId } } }),
      ),
      201,
    );
    await expectStatus(
      answered(
        asLearner.POST('/api/v1/enrollments/{id}/lessons/{lessonId}/complete', {
          params: { path: { id: enrollment.id, lessonId } },
        }),
      ),
      200,
    );
    await eventually('the certificate in the figures', async () =>
      (await storedCertificates()) === 1 ? true : undefined,
    );
    await waitForQueues(api.worker!);
    expect(await storedCertificates()).toBe(1);
    for (const period of [year, quarter])
      expect((await figuresOf(period)).figures).toMatchObject({
        enrollments: 6,
        learners: 6,
        completions: '< 5',
        completion_rate: '< 5',
        certificates_issued: '< 5',
      });
  });

  it('answers the CSV to anyone, one row per unit', async () => {
    const answer = await fetch(
      `${api.http.base}/api/v1/monitoring/figures.csv?period=${year}&adminUnitId=${provinceId}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    const lines = (await answer.text()).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Tỉnh Tuyên Quang');
    expect(lines[2]).toContain('Huyện Yên Sơn');
  });

  it('refuses a bad period, an unknown unit and a made-up facility type', async () => {
    for (const period of ['2026-Q5', '20266'])
      expectRefusal(
        await api.http.get(`/api/v1/monitoring/figures?period=${period}`),
        400,
        'INVALID_PERIOD',
      );
    expectRefusal(
      await api.http.get('/api/v1/monitoring/figures.csv?period=2026-Q0'),
      400,
      'INVALID_PERIOD',
    );
    expectRefusal(
      await api.http.get(
        `/api/v1/monitoring/figures?period=${year}&adminUnitId=00000000-0000-4000-8000-000000000000`,
      ),
      404,
      'ADMIN_UNIT_NOT_FOUND',
    );
    expectRefusal(
      await api.http.get(`/api/v1/monitoring/figures?period=${year}&facilityType=casino`),
      400,
      'VALIDATION_FAILED',
    );
  });
});
