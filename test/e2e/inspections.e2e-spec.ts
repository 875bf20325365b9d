import { adminSession } from '../support/admin-session';
import { expectStatus } from '../support/e2e';
import type { Json } from '../support/http-client';
import { peopleRegistry, type Person } from '../support/people';

// Inspections over HTTP: a supervisor of the province plans one of a facility, scores it with
// an evidence file uploaded as multipart and read back through its signed link, publishes it;
// the facility reads it and closes a follow-up action with evidence; who else is refused.
const api = adminSession({ withMediaDir: true });
const person = peopleRegistry(() => api.http, 'inspections');
let supervisor: Person;
let otherSupervisor: Person;
let facilityAdmin: Person;
let facilityId = '';

jest.setTimeout(60_000);

const PDF = '%PDF-1.4\nbien ban kiem tra\n%%EOF';

/** Uploads `content` as the multipart field `file`. */
const upload = (path: string, token: string, content: string, type = 'application/pdf') => {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), 'biên bản kiểm tra.pdf');
  return fetch(`${api.http.base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
};

beforeAll(async () => {
  const { tree } = api;
  const province = await tree.adminUnit('Tỉnh Kiểm Tra');
  const other = await tree.adminUnit('Tỉnh Khác');
  facilityId = (await tree.facility('Trung tâm học tập cộng đồng Kiểm Tra', province)).scopeId;
  supervisor = await person();
  await tree.grant(supervisor.id, 'supervisor', province);
  otherSupervisor = await person();
  await tree.grant(otherSupervisor.id, 'supervisor', other);
  facilityAdmin = await person();
  await tree.grant(facilityAdmin.id, 'facility_admin', {
    scopeType: 'facility',
    scopeId: facilityId,
  });
});

describe('inspections', () => {
  it('runs from plan to a closed follow-up action, and refuses whoever is out of scope', async () => {
    const plan = {
      targetType: 'facility',
      targetId: facilityId,
      plannedOn: '2026-12-10',
      team: ['Nguyễn Văn Thanh'],
      criteria: [
        { label: 'Kế hoạch năm', weight: 2 },
        { label: 'Hồ sơ người học', weight: 1 },
      ],
    };
    await expectStatus(
      api.http.post('/api/v1/monitoring/inspections', { token: facilityAdmin.token, body: plan }),
      403,
    );
    await expectStatus(
      api.http.post('/api/v1/monitoring/inspections', { token: otherSupervisor.token, body: plan }),
      403,
    );
    const bad = await expectStatus(
      api.http.post('/api/v1/monitoring/inspections', {
        token: supervisor.token,
        body: { ...plan, plannedOn: '10/12/2026', criteria: [{ label: ' ', weight: 0 }] },
      }),
      400,
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    const planned = await expectStatus(
      api.http.post('/api/v1/monitoring/inspections', { token: supervisor.token, body: plan }),
      201,
    );
    const id = planned.id as string;
    const path = `/api/v1/monitoring/inspections/${id}`;
    await expectStatus(api.http.get(path, { token: facilityAdmin.token }), 404);
    await expectStatus(api.http.get(path, { token: otherSupervisor.token }), 404);

    // Evidence: a PDF is kept and read back through its link; a web page is refused.
    const refused = await upload(
      `${path}/criteria/1/evidence`,
      supervisor.token,
      '<html>',
      'text/html',
    );
    expect(refused.status).toBe(415);
    const stored = await upload(`${path}/criteria/1/evidence`, supervisor.token, PDF);
    expect(stored.status).toBe(201);
    const file = (await stored.json()) as { url: string; fileName: string };
    expect(file.fileName).toBe('biên bản kiểm tra.pdf');
    const opened = await fetch(file.url.replace(/^https?:\/\/[^/]+/, api.http.base));
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(opened.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await opened.text()).toBe(PDF);
    const forged = await fetch(
      file.url
        .replace(/^https?:\/\/[^/]+/, api.http.base)
        .replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect(forged.status).toBe(403);

    await expectStatus(api.http.post(`${path}/publish`, { token: supervisor.token }), 422);
    const scored = await expectStatus(
      api.http.request('PUT', `${path}/scores`, {
        token: supervisor.token,
        body: {
          scores: [
            { position: 1, score: 90, note: 'Đủ kế hoạch' },
            { position: 2, score: 60 },
          ],
          summary: 'Đạt yêu cầu.',
        },
      }),
      200,
    );
    expect(scored.total).toBe(80);
    const owners = scored.unitAdmins as { userId: string }[];
    expect(owners.map((owner) => owner.userId)).toEqual([facilityAdmin.id]);
    const withAction = await expectStatus(
      api.http.post(`${path}/actions`, {
        token: supervisor.token,
        body: { title: 'Bổ sung hồ sơ người học', ownerId: facilityAdmin.id, dueOn: '2027-01-15' },
      }),
      201,
    );
    const actionId = (withAction.actions as { id: string }[])[0]!.id;
    await expectStatus(api.http.post(`${path}/publish`, { token: supervisor.token }), 200);

    // The facility reads it and closes its action with evidence.
    const received = await expectStatus(
      api.http.get('/api/v1/monitoring/inspections/received', { token: facilityAdmin.token }),
      200,
    );
    expect((received.items as Json[]).map((item) => (item as { id: string }).id)).toEqual([id]);
    const seen = await expectStatus(api.http.get(path, { token: facilityAdmin.token }), 200);
    expect(seen).toMatchObject({ status: 'published', total: 80, unitAdmins: [] });
    const action = `/api/v1/monitoring/inspection-actions/${actionId}`;
    const early = await expectStatus(
      api.http.post(`${action}/close`, { token: facilityAdmin.token, body: {} }),
      422,
    );
    expect(early.code).toBe('ACTION_NEEDS_EVIDENCE');
    expect((await upload(`${action}/evidence`, otherSupervisor.token, PDF)).status).toBe(403);
    expect((await upload(`${action}/evidence`, facilityAdmin.token, PDF)).status).toBe(201);
    const closed = await expectStatus(
      api.http.post(`${action}/close`, {
        token: facilityAdmin.token,
        body: { note: 'Đã bổ sung' },
      }),
      200,
    );
    expect((closed.actions as Json[])[0]).toMatchObject({
      status: 'closed',
      closingNote: 'Đã bổ sung',
    });

    await expectStatus(
      api.http.get('/api/v1/monitoring/inspection-actions/overdue', { token: supervisor.token }),
      200,
    );
    await expectStatus(
      api.http.get('/api/v1/monitoring/inspection-actions/overdue', { token: facilityAdmin.token }),
      403,
    );
    await expectStatus(
      api.http.get('/api/v1/monitoring/inspections', { token: facilityAdmin.token }),
      403,
    );
  });
});
