import { ManualClock } from '@lifelong/common';
import { AssignmentSync } from '@lifelong/training';
import { DataSource } from 'typeorm';
import { buildCourse, facility, platformAdmin } from '../support/course-fixtures';
import { adminSession } from '../support/admin-session';
import { answered } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { type Person, peopleRegistry, signInAgain } from '../support/people';

const clock = new ManualClock('2026-12-01T08:00:00.000Z');
const api = adminSession({ clock });
const person = peopleRegistry(() => api.http, 'cong-chuc');

describe('mandated training over HTTP', () => {
  it('sets a requirement, shows it to the learner and the manager, reports and freezes compliance', async () => {
    const ministry = await api.tree.orgUnit('Bộ Nội vụ');
    const [office, other] = [
      await api.tree.orgUnit('Văn phòng Bộ', ministry),
      await api.tree.orgUnit('Vụ Pháp chế', ministry),
    ];
    const learner: Person = await person();
    const manager: Person = await person();
    await api.tree.member(office, learner.id);
    await api.tree.grant(manager.id, 'org_manager', office);
    const managerToken = await signInAgain(api.http, manager);
    const dataSource = api.app.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId } = await buildCourse(api.app, admin, await facility(api.app, admin));
    const body = { title: 'Kỹ năng số', courseId, orgUnitId: ministry.scopeId, dueDays: 30 };

    expect(
      (
        await api.http.post('/api/v1/training/requirements', {
          token: api.adminToken,
          body: { ...body, dueDate: '2027-01-31' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http.post('/api/v1/training/requirements', {
          token: api.adminToken,
          body: { ...body, recurrence: { annualOn: '02-30' } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http.post('/api/v1/training/requirements', {
          token: managerToken,
          body: { ...body, orgUnitId: other.scopeId },
        })
      ).status,
    ).toBe(403);
    // Sent as the contract allows, without includeDescendants (its default applies).
    const created = await expectStatus(
      answered(api.asAdmin.POST('/api/v1/training/requirements', { body })),
      201,
    );
    const requirementId = created.id;
    expect(created).toMatchObject({ version: 1, dueDays: 30, reminderDays: [14, 3] });
    await api.app.get(AssignmentSync).syncRequirement(requirementId);

    const mine = await expectStatus(
      api.http.get('/api/v1/me/assignments', { token: learner.token }),
      200,
    );
    expect(mine).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(mine.items).toEqual([
      expect.objectContaining({ title: 'Kỹ năng số', status: 'assigned', requirementVersion: 1 }),
    ]);

    const edited = await expectStatus(
      api.http.request('PUT', `/api/v1/training/requirements/${requirementId}`, {
        token: api.adminToken,
        body: { ...body, title: 'Kỹ năng số 2027' },
      }),
      200,
    );
    expect(edited.version).toBe(2);
    // Both the creation and the edit are in the audit log, with the version each made; the
    // refused attempts above left nothing.
    const audit = await expectStatus(
      answered(
        api.asAdmin.GET('/api/v1/admin/audit', { params: { query: { subjectId: requirementId } } }),
      ),
      200,
    );
    expect(audit.items.map((entry) => [entry.action, entry.details.version])).toEqual([
      ['requirement.updated', 2],
      ['requirement.created', 1],
    ]);
    const listed = await expectStatus(
      api.http.get(`/api/v1/training/requirements?pageSize=1`, { token: api.adminToken }),
      200,
    );
    expect(listed).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(listed.items).toEqual([
      expect.objectContaining({ id: created.id, version: 2, title: 'Kỹ năng số 2027' }),
    ]);

    const staff = await expectStatus(
      api.http.get(`/api/v1/training/staff?orgUnitId=${office.scopeId}&status=assigned`, {
        token: managerToken,
      }),
      200,
    );
    expect(staff.items).toEqual([expect.objectContaining({ userId: learner.id })]);
    expect(
      (
        await api.http.get(`/api/v1/training/staff?orgUnitId=${ministry.scopeId}`, {
          token: managerToken,
        })
      ).status,
    ).toBe(403);

    const report = await expectStatus(
      api.http.get(`/api/v1/training/compliance?orgUnitId=${ministry.scopeId}`, {
        token: api.adminToken,
      }),
      200,
    );
    expect(report).toMatchObject({ assigned: 1, completed: 0, compliantPercent: 0 });
    expect(report.children).toHaveLength(2);
    const csv = await fetch(
      `${api.http.base}/api/v1/training/compliance.csv?orgUnitId=${ministry.scopeId}`,
      { headers: { authorization: `Bearer ${api.adminToken}` } },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).trim().split('\n')).toHaveLength(4);
    expect(
      (await api.http.get(`/api/v1/training/compliance?orgUnitId=${ministry.scopeId}`)).status,
    ).toBe(401);

    const snapshot = await expectStatus(
      answered(
        api.asAdmin.POST('/api/v1/training/snapshots', {
          body: { orgUnitId: ministry.scopeId, period: '2026-Q4' },
        }),
      ),
      201,
    );
    expect(snapshot.rows).toHaveLength(3);
    const again = await api.http.post('/api/v1/training/snapshots', {
      token: api.adminToken,
      body: { orgUnitId: ministry.scopeId, period: '2026-Q4' },
    });
    expect(again.status).toBe(409);
    const frozen = await expectStatus(
      answered(
        api.asAdmin.GET('/api/v1/training/snapshots/{id}', {
          params: { path: { id: snapshot.id } },
        }),
      ),
      200,
    );
    expect(frozen).toEqual(snapshot);
  });
});
