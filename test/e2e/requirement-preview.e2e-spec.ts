import { adminSession } from '../support/admin-session';
import { ManualClock } from '@lifelong/common';
import { AssignmentSync } from '@lifelong/training';
import { DataSource } from 'typeorm';
import { buildCourse, facility, platformAdmin } from '../support/course-fixtures';
import type { operations } from '../../apps/web/src/api/schema';
import { answered, apiClient } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { peopleRegistry, signInAgain } from '../support/people';

// The requirement form's helpers: the preview of who a requirement would assign (counted by the
// assignment's own targeting rule), one requirement by id and its version history.

type PreviewBody =
  operations['RequirementsController_preview']['requestBody']['content']['application/json'];

const clock = new ManualClock('2026-12-01T08:00:00.000Z');
const api = adminSession({ clock });
const person = peopleRegistry(() => api.http, 'vien-chuc');

describe('requirement preview and versions over HTTP', () => {
  it('counts who a requirement would assign as the assignment does, within scope only', async () => {
    const ministry = await api.tree.orgUnit('Bộ Tư pháp');
    const department = await api.tree.orgUnit('Vụ Pháp luật', ministry);
    const office = await api.tree.orgUnit('Phòng Tổng hợp', department);
    const other = await api.tree.orgUnit('Cục Thi hành án', ministry);
    const [head, clerk, analyst, outsider, manager] = [
      await person(),
      await person(),
      await person(),
      await person(),
      await person(),
    ];
    await api.tree.member(department, head.id, 'Vụ trưởng', 'A3');
    await api.tree.member(department, clerk.id, 'Chuyên viên', 'A1');
    await api.tree.member(office, analyst.id, 'Chuyên viên', 'A2');
    await api.tree.member(other, outsider.id, 'Chuyên viên', 'A1');
    await api.tree.grant(manager.id, 'org_manager', department);
    const managerToken = await signInAgain(api.http, manager);
    const preview = (body: PreviewBody, token = managerToken) =>
      answered(
        apiClient(api.http.base, token).POST('/api/v1/training/requirements/preview', { body }),
      );

    // The whole subtree, the unit alone, one position, one grade.
    const whole = await expectStatus(preview({ orgUnitId: department.scopeId }), 200);
    expect(whole.assignees).toBe(3);
    expect(whole.sample.map((p) => p.fullName).sort()).toEqual(['Người 1', 'Người 2', 'Người 3']);
    expect(
      (
        await expectStatus(
          preview({ orgUnitId: department.scopeId, includeDescendants: false }),
          200,
        )
      ).assignees,
    ).toBe(2);
    expect(
      (
        await expectStatus(
          preview({ orgUnitId: department.scopeId, positions: ['Chuyên viên'] }),
          200,
        )
      ).assignees,
    ).toBe(2);
    expect(
      (await expectStatus(preview({ orgUnitId: department.scopeId, jobGrades: ['A2', 'A3'] }), 200))
        .assignees,
    ).toBe(2);

    // Outside the manager's subtree, a learner, nobody: refused; a malformed body is a 400.
    expect((await preview({ orgUnitId: ministry.scopeId })).status).toBe(403);
    expect((await preview({ orgUnitId: other.scopeId })).status).toBe(403);
    expect((await preview({ orgUnitId: department.scopeId }, outsider.token)).status).toBe(403);
    expect(
      (
        await api.http.post('/api/v1/training/requirements/preview', {
          body: { orgUnitId: department.scopeId },
        })
      ).status,
    ).toBe(401);
    const malformed = await expectStatus(
      api.http.post('/api/v1/training/requirements/preview', {
        token: managerToken,
        body: { includeDescendants: true },
      }),
      400,
    );
    expect(malformed).toHaveProperty(['details', 'fields', 'orgUnitId']);

    // The number previewed is the number the saved requirement assigns.
    const dataSource = api.app.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId } = await buildCourse(api.app, admin, await facility(api.app, admin));
    const body = {
      title: 'Pháp luật chuyên ngành',
      courseId,
      orgUnitId: department.scopeId,
      positions: ['Chuyên viên'],
      dueDays: 30,
    };
    const counted = await expectStatus(preview(body), 200);
    const created = await expectStatus(
      answered(
        apiClient(api.http.base, managerToken).POST('/api/v1/training/requirements', { body }),
      ),
      201,
    );
    const outcome = await api.app.get(AssignmentSync).syncRequirement(created.id);
    expect(outcome.assigned).toBe(counted.assignees);

    // A rule the pipe cannot see is still named by its field.
    const both = await expectStatus(
      api.http.post('/api/v1/training/requirements', {
        token: managerToken,
        body: { ...body, dueDate: '2027-01-31' },
      }),
      400,
    );
    expect(both).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(both).toHaveProperty(['details', 'fields', 'dueDate']);
  });

  it('reads one requirement and its versions, what each said and who wrote it', async () => {
    const ministry = await api.tree.orgUnit('Bộ Công Thương');
    const department = await api.tree.orgUnit('Vụ Thị trường', ministry);
    const other = await api.tree.orgUnit('Cục Hóa chất', ministry);
    const manager = await person();
    const stranger = await person();
    await api.tree.grant(manager.id, 'org_manager', department);
    await api.tree.grant(stranger.id, 'org_manager', other);
    const managerToken = await signInAgain(api.http, manager);
    const strangerToken = await signInAgain(api.http, stranger);
    const dataSource = api.app.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId } = await buildCourse(api.app, admin, await facility(api.app, admin));
    const body = {
      title: 'Thương mại điện tử',
      courseId,
      orgUnitId: department.scopeId,
      dueDays: 30,
    };
    const created = await expectStatus(
      answered(
        apiClient(api.http.base, managerToken).POST('/api/v1/training/requirements', { body }),
      ),
      201,
    );
    const id = created.id;
    await expectStatus(
      api.http.request('PUT', `/api/v1/training/requirements/${id}`, {
        token: managerToken,
        body: { ...body, dueDays: 45, recurrence: { everyMonths: 12 } },
      }),
      200,
    );

    const current = await expectStatus(
      api.http.get(`/api/v1/training/requirements/${id}`, { token: managerToken }),
      200,
    );
    expect(current).toMatchObject({ id, version: 2, dueDays: 45, recurrence: { everyMonths: 12 } });
    const versions = await expectStatus(
      api.http.get(`/api/v1/training/requirements/${id}/versions`, { token: managerToken }),
      200,
    );
    expect(versions.items).toEqual([
      expect.objectContaining({ version: 1, dueDays: 30, recurrence: null, authorName: 'Người 6' }),
      expect.objectContaining({ version: 2, dueDays: 45, recurrence: { everyMonths: 12 } }),
    ]);

    // A manager of another unit learns nothing of it, not even that it exists.
    for (const path of [
      `/api/v1/training/requirements/${id}`,
      `/api/v1/training/requirements/${id}/versions`,
    ]) {
      const refused = await api.http.get(path, { token: strangerToken });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'REQUIREMENT_NOT_FOUND' });
    }
  });
});
