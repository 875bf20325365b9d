import { adminSession } from '../support/admin-session';
import { AssignmentSync } from '@lifelong/training';
import { DataSource } from 'typeorm';
import { buildCourse, facility, platformAdmin } from '../support/course-fixtures';
import { answered, type ApiClient, apiClient } from '../support/api-client';
import { expectStatus } from '../support/e2e';
import { type Person, peopleRegistry, signInAgain } from '../support/people';

// The compliance dashboard's trend: a unit's snapshots listed with its own figures, for those
// who read its reports (org managers within scope, supervisors, admins) and nobody else.

const api = adminSession();
const person = peopleRegistry(() => api.http, 'trend');

/** Signs `someone` in again after the grants, for a token with their roles. */
const signedIn = async (someone: Person): Promise<ApiClient> =>
  apiClient(api.http.base, await signInAgain(api.http, someone));

describe('GET /api/v1/training/snapshots', () => {
  it('lists a unit’s snapshots by period with its figures, to readers of its reports only', async () => {
    const ministry = await api.tree.orgUnit('Bộ Tư pháp');
    const department = await api.tree.orgUnit('Vụ Hợp tác quốc tế', ministry);
    const agency = await api.tree.orgUnit('Cục Con nuôi');
    const [learner, manager, outsider, supervisor] = [
      await person(),
      await person(),
      await person(),
      await person(),
    ];
    await api.tree.member(department, learner.id);
    await api.tree.grant(manager.id, 'org_manager', ministry);
    await api.tree.grant(outsider.id, 'org_manager', agency);
    await api.tree.grant(supervisor.id, 'supervisor');
    const dataSource = api.app.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId } = await buildCourse(api.app, admin, await facility(api.app, admin));
    const requirement = await expectStatus(
      answered(
        api.asAdmin.POST('/api/v1/training/requirements', {
          body: { title: 'Pháp luật', courseId, orgUnitId: ministry.scopeId, dueDays: 30 },
        }),
      ),
      201,
    );
    // The job the queue would run: the department's learner is assigned.
    await api.app.get(AssignmentSync).syncRequirement(requirement.id);
    const asManager = await signedIn(manager);
    const list = (client: ApiClient, orgUnitId: string) =>
      answered(client.GET('/api/v1/training/snapshots', { params: { query: { orgUnitId } } }));

    expect(await expectStatus(list(asManager, ministry.scopeId), 200)).toEqual([]);
    for (const period of ['2026-Q4', '2026-Q3'])
      await expectStatus(
        answered(
          asManager.POST('/api/v1/training/snapshots', {
            body: { orgUnitId: ministry.scopeId, period },
          }),
        ),
        201,
      );
    await expectStatus(
      answered(
        asManager.POST('/api/v1/training/snapshots', {
          body: { orgUnitId: department.scopeId, period: '2026-Q4' },
        }),
      ),
      201,
    );

    const listed = await expectStatus(list(asManager, ministry.scopeId), 200);
    expect(listed.map((snapshot) => snapshot.period)).toEqual(['2026-Q3', '2026-Q4']);
    expect(listed[0]).toMatchObject({
      orgUnitId: ministry.scopeId,
      assigned: 1,
      completed: 0,
      inProgress: 0,
      compliantPercent: 0,
    });
    expect(Date.parse(listed[0]!.takenAt)).not.toBeNaN();
    // The department's own snapshot is its own, not the ministry's.
    expect(await expectStatus(list(asManager, department.scopeId), 200)).toHaveLength(1);
    // A supervisor reads it, but does not take snapshots: that is the unit's managers' record.
    const asSupervisor = await signedIn(supervisor);
    expect(await expectStatus(list(asSupervisor, ministry.scopeId), 200)).toHaveLength(2);
    const taken = answered(
      asSupervisor.POST('/api/v1/training/snapshots', {
        body: { orgUnitId: ministry.scopeId, period: '2026-Q2' },
      }),
    );
    await expectStatus(taken, 403);
    // An org manager of another agency and a learner read nothing.
    await expectStatus(list(await signedIn(outsider), ministry.scopeId), 403);
    await expectStatus(list(await signedIn(learner), ministry.scopeId), 403);
    expect(
      (await api.http.get(`/api/v1/training/snapshots?orgUnitId=${ministry.scopeId}`)).status,
    ).toBe(401);
    expect(
      (await api.http.get('/api/v1/training/snapshots?orgUnitId=nope', { token: api.adminToken }))
        .status,
    ).toBe(400);
  });
});
