import { answered } from '../support/api-client';
import type { Json } from '../support/http-client';
import { adminSession } from '../support/admin-session';
import { eventually, expectStatus } from '../support/e2e';
import { peopleRegistry, type Person } from '../support/people';

// Yearly facility reports over HTTP with the real api and worker: a form, a draft checked
// against the field types, a submission (once, before the deadline), a decision by the
// supervisor of the province, the reported figures reaching the public page through the outbox,
// and the CSV import of paper reports with its per-line errors.
const api = adminSession({ withWorker: true });
const person = peopleRegistry(() => api.http, 'reports');
const YEAR = 2032;
const tag = Date.now().toString(36).toUpperCase();
const ids: Record<'province' | 'district' | 'f1' | 'f2', string> = {
  province: '',
  district: '',
  f1: '',
  f2: '',
};
let facilityAdmin: Person;
let supervisor: Person;

jest.setTimeout(60_000);

const FORM = {
  deadline: `${YEAR + 1}-01-31T00:00:00.000Z`,
  fields: [
    {
      key: 'offline_classes',
      label: { vi: 'Số lớp học trực tiếp', en: 'Offline classes' },
      type: 'integer',
      required: true,
      min: 0,
      indicator: 'offline_classes',
    },
    {
      key: 'offline_class_learners',
      label: { vi: 'Số người học', en: 'Learners' },
      type: 'integer',
      required: true,
      min: 0,
      indicator: 'offline_class_learners',
    },
    {
      key: 'funding',
      label: { vi: 'Nguồn kinh phí', en: 'Funding' },
      type: 'choice',
      choices: ['state', 'social'],
    },
  ],
};

const report = (facilityId: string, year = YEAR) =>
  `/api/v1/facilities/${facilityId}/reports/${year}`;

const put = (path: string, token: string, body: Json) =>
  api.http.request('PUT', path, { token, body });

beforeAll(async () => {
  ids.province = (
    await expectStatus(
      answered(
        api.asAdmin.POST('/api/v1/admin-units', {
          body: { code: `P-${tag}`, name: 'Tỉnh Hà Giang', level: 'province' },
        }),
      ),
      201,
    )
  ).id;
  ids.district = (
    await expectStatus(
      answered(
        api.asAdmin.POST('/api/v1/admin-units', {
          body: {
            code: `D-${tag}`,
            name: 'Huyện Vị Xuyên',
            level: 'district',
            parentId: ids.province,
          },
        }),
      ),
      201,
    )
  ).id;
  for (const name of ['f1', 'f2'] as const)
    ids[name] = (
      await expectStatus(
        answered(
          api.asAdmin.POST('/api/v1/facilities', {
            body: {
              code: `${name.toUpperCase()}-${tag}`,
              name: `Trung tâm ${name}`,
              type: 'community_learning_center',
              adminUnitId: ids.district,
            },
          }),
        ),
        201,
      )
    ).id;
  facilityAdmin = await person();
  await api.tree.grant(facilityAdmin.id, 'facility_admin', {
    scopeType: 'facility',
    scopeId: ids.f1,
  });
  supervisor = await person();
  await api.tree.grant(supervisor.id, 'supervisor', {
    scopeType: 'admin_unit',
    scopeId: ids.province,
  });
  await expectStatus(put(`/api/v1/monitoring/report-forms/${YEAR}`, api.adminToken, FORM), 200);
});

describe('yearly facility reports', () => {
  it('publishes the form without sign-in, and refuses a year that is not one', async () => {
    const form = await expectStatus(api.http.get(`/api/v1/monitoring/report-forms/${YEAR}`), 200);
    expect((form.fields as Json[]).map((field) => (field as { key: string }).key)).toEqual([
      'offline_classes',
      'offline_class_learners',
      'funding',
    ]);
    await expectStatus(api.http.get('/api/v1/monitoring/report-forms/20x6'), 400);
    await expectStatus(api.http.get('/api/v1/monitoring/report-forms/1999'), 404);
  });

  it('checks a draft against the field types', async () => {
    const refused = await expectStatus(
      put(report(ids.f1), facilityAdmin.token, {
        values: { offline_classes: 'many', funding: 'x' },
      }),
      400,
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { offline_classes: ['must be a number'] } },
    });
    await expectStatus(
      api.http.post(`${report(ids.f1)}/submit`, { token: facilityAdmin.token }),
      404,
    );
    const draft = await expectStatus(
      put(report(ids.f1), facilityAdmin.token, { values: { offline_classes: 7 } }),
      200,
    );
    expect(draft).toMatchObject({ status: 'draft', values: { offline_classes: 7 } });
    const incomplete = await expectStatus(
      api.http.post(`${report(ids.f1)}/submit`, { token: facilityAdmin.token }),
      422,
    );
    expect(incomplete).toMatchObject({
      code: 'REPORT_INCOMPLETE',
      details: { missing: ['offline_class_learners'] },
    });
  });

  it('is submitted once, then decided by the supervisor; its figures reach the public page', async () => {
    await expectStatus(
      put(report(ids.f1), facilityAdmin.token, {
        values: { offline_classes: 7, offline_class_learners: 140, funding: 'state' },
      }),
      200,
    );
    await expectStatus(
      api.http.post(`${report(ids.f1)}/submit`, { token: facilityAdmin.token }),
      200,
    );
    const twice = await expectStatus(
      api.http.post(`${report(ids.f1)}/submit`, { token: facilityAdmin.token }),
      409,
    );
    expect(twice.code).toBe('REPORT_ALREADY_SUBMITTED');
    const waiting = await expectStatus(
      api.http.get(`/api/v1/monitoring/reports?year=${YEAR}`, { token: supervisor.token }),
      200,
    );
    expect(waiting).toMatchObject({
      total: 1,
      items: [{ facilityId: ids.f1, status: 'submitted' }],
    });
    await expectStatus(
      api.http.post(`${report(ids.f1)}/return`, {
        token: supervisor.token,
        body: { comment: ' ' },
      }),
      400,
    );
    const accepted = await expectStatus(
      api.http.post(`${report(ids.f1)}/accept`, { token: supervisor.token, body: {} }),
      200,
    );
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: supervisor.id });
    await expectStatus(
      api.http.post(`${report(ids.f1)}/accept`, { token: supervisor.token, body: {} }),
      409,
    );
    await eventually('the reported figures', async () => {
      const figures = await expectStatus(
        api.http.get(`/api/v1/monitoring/figures?period=${YEAR}&adminUnitId=${ids.province}`),
        200,
      );
      const district = (figures.children as { figures: Record<string, unknown> }[])[0];
      return district?.figures.offline_classes === 7 ? district : undefined;
    });
  });

  it('refuses a first submission after the deadline', async () => {
    const past = YEAR - 10;
    await expectStatus(
      put(`/api/v1/monitoring/report-forms/${past}`, api.adminToken, {
        ...FORM,
        deadline: `${past + 1}-01-31T00:00:00.000Z`,
      }),
      200,
    );
    await expectStatus(
      put(report(ids.f1, past), facilityAdmin.token, {
        values: { offline_classes: 1, offline_class_learners: 1 },
      }),
      200,
    );
    const late = await expectStatus(
      api.http.post(`${report(ids.f1, past)}/submit`, { token: facilityAdmin.token }),
      422,
    );
    expect(late.code).toBe('REPORT_PAST_DEADLINE');
  });

  it('imports paper reports as accepted, line by line, with the lines it refused', async () => {
    const csv = [
      'facility_code,offline_classes,offline_class_learners,funding',
      `F2-${tag},3,45,social`,
      `F1-${tag},1,1,state`,
      `F2-${tag},1,1,state`,
      `NOPE-${tag},1,1,`,
      '',
    ].join('\n');
    const response = await fetch(`${api.http.base}/api/v1/monitoring/report-forms/${YEAR}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      imported: 1,
      failed: 3,
      errors: [
        { line: 3, message: `the ${YEAR} report of facility F1-${tag} is already accepted` },
        { line: 4, message: `facility F2-${tag} appears on an earlier line` },
        { line: 5, message: `no facility has the code NOPE-${tag}` },
      ],
    });
    const imported = await expectStatus(
      api.http.get(report(ids.f2), { token: supervisor.token }),
      200,
    );
    expect(imported).toMatchObject({
      status: 'accepted',
      values: { offline_classes: 3, offline_class_learners: 45, funding: 'social' },
    });
    const json = await fetch(`${api.http.base}/api/v1/monitoring/report-forms/${YEAR}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });
});
