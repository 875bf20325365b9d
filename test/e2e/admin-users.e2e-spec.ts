import { newId } from '@lifelong/common';
import type { Role, Scope } from '@lifelong/identity';
import type { components, operations } from '../../apps/web/src/api/schema';
import { adminSession } from '../support/admin-session';
import { answered, apiClient, csvBody } from '../support/api-client';
import { eventually, expectStatus } from '../support/e2e';
import { type Person, peopleRegistry, signInAgain } from '../support/people';

// Issue 14, items 5 and 6: administrators find people (diacritics-insensitive, by unit, role and
// status, within their scopes), open a user page, and read the audit log that every grant,
// revocation, import and membership move writes.
//
// The tree: province P ⊃ facility F1; province Q ⊃ facility G. Ministry M ⊃ department M1;
// agency N. Staff come from a real staff import (worker running): An (M1), Đào (M), Bình (N).

const api = adminSession({ withWorker: true });
let P: Scope, Q: Scope, F1: Scope, G: Scope, M: Scope, M1: Scope, N: Scope;
let managerM: Person, supervisorP: Person, supervisorQ: Person, adminP: Person, learner: Person;
let importId: string;
const staff: Record<'an' | 'dao' | 'binh', string> = { an: '', dao: '', binh: '' };

const person = peopleRegistry(() => api.http, 'admin-users');

async function orgUnit(code: string, name: string, parent?: Scope): Promise<Scope> {
  const created = await expectStatus(
    answered(
      api.asAdmin.POST('/api/v1/org-units', { body: { code, name, parentId: parent?.scopeId } }),
    ),
    201,
  );
  return { scopeType: 'org_unit', scopeId: created.id };
}

type UserQuery = operations['AdminUsersController_search']['parameters']['query'];
type AuditQuery = operations['AdminAuditController_list']['parameters']['query'];
const asUser = (token: string) => apiClient(api.http.base, token);
const users = (token: string, query: UserQuery = {}) =>
  answered(asUser(token).GET('/api/v1/admin/users', { params: { query } }));
const audit = (token: string, query: AuditQuery = {}) =>
  answered(asUser(token).GET('/api/v1/admin/audit', { params: { query } }));
const names = (body: components['schemas']['AdminUserPageDto']): string[] =>
  body.items.map((item) => item.fullName);

beforeAll(async () => {
  const { tree } = api;
  P = await tree.adminUnit('Tỉnh P');
  Q = await tree.adminUnit('Tỉnh Q');
  F1 = await tree.facility('Trung tâm F1', P);
  G = await tree.facility('Trung tâm G', Q);
  M = await orgUnit('AU-M', 'Bộ M');
  M1 = await orgUnit('AU-M1', 'Vụ M1', M);
  N = await orgUnit('AU-N', 'Cơ quan N');

  managerM = await nextAndHold('org_manager', M);
  supervisorP = await nextAndHold('supervisor', P);
  supervisorQ = await nextAndHold('supervisor', Q);
  adminP = await nextAndHold('admin', P);
  learner = await person();

  const csv =
    'employeeCode,fullName,email,orgUnitCode,position,jobGrade\n' +
    'NV-001,Nguyễn Văn An,an.nguyen@example.vn,AU-M1,Chuyên viên,A1\n' +
    'NV-002,Trần Thị Đào,dao.tran@example.vn,AU-M,Chuyên viên chính,A2\n' +
    'NV-003,Lê Văn Bình,binh.le@example.vn,AU-N,Chuyên viên,A1\n';
  const imported = await expectStatus(
    answered(
      api.asAdmin.POST(
        '/api/v1/admin/imports/staff',
        csvBody(csv, { 'x-request-id': 'req-staff-import' }),
      ),
    ),
    202,
  );
  importId = imported.importId;
  await eventually('the staff import', async () => {
    const report = await answered(
      api.asAdmin.GET('/api/v1/admin/imports/{importId}', { params: { path: { importId } } }),
    );
    return report.body.status === 'completed' ? true : undefined;
  });
  const all = await users(api.adminToken, { q: 'NV-00' });
  for (const item of all.body.items) {
    const code = item.employeeCode;
    if (code === 'NV-001') staff.an = item.id;
    if (code === 'NV-002') staff.dao = item.id;
    if (code === 'NV-003') staff.binh = item.id;
  }
}, 120_000);

async function nextAndHold(role: Role, scope: Scope): Promise<Person> {
  const someone = await person();
  await api.tree.grant(someone.id, role, scope);
  await signInAgain(api.http, someone);
  return someone;
}

describe('finding people', () => {
  it('finds a civil servant typed without diacritics, by email, and by employee code', async () => {
    expect(Object.values(staff).every(Boolean)).toBe(true);
    expect(names((await users(api.adminToken, { q: 'nguyen van an' })).body)).toEqual([
      'Nguyễn Văn An',
    ]);
    // đ is found as d, and case does not matter.
    expect(names((await users(api.adminToken, { q: 'TRAN THI DAO' })).body)).toEqual([
      'Trần Thị Đào',
    ]);
    expect(names((await users(api.adminToken, { q: 'Nguyễn' })).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await users(api.adminToken, { q: 'binh.le@example.vn' })).body)).toEqual([
      'Lê Văn Bình',
    ]);
    const byCode = await users(api.adminToken, { q: 'nv-002' });
    expect(byCode.body.items).toEqual([
      {
        id: staff.dao,
        email: 'dao.tran@example.vn',
        fullName: 'Trần Thị Đào',
        status: 'uninvited',
        employeeCode: 'NV-002',
        orgUnitId: M.scopeId,
        roles: [],
      },
    ]);
    expect((await users(api.adminToken, { q: 'nobody here' })).body).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('filters by unit subtree, role and status, and pages in name order', async () => {
    expect(names((await users(api.adminToken, { orgUnitId: M.scopeId })).body)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Đào',
    ]);
    expect(names((await users(api.adminToken, { orgUnitId: M1.scopeId })).body)).toEqual([
      'Nguyễn Văn An',
    ]);
    const managers = await users(api.adminToken, { role: 'org_manager' });
    expect(managers.body.items.map((item) => item.id)).toEqual([managerM.id]);
    expect(managers.body.items).toEqual([
      expect.objectContaining({
        status: 'active',
        roles: expect.arrayContaining([
          { role: 'org_manager', scopeType: 'org_unit', scopeId: M.scopeId },
        ]) as unknown,
      }),
    ]);
    const uninvited = await users(api.adminToken, { status: 'uninvited' });
    expect(names(uninvited.body).sort()).toEqual(
      ['Lê Văn Bình', 'Nguyễn Văn An', 'Trần Thị Đào'].sort(),
    );
    const active = await users(api.adminToken, { status: 'active', pageSize: 100 });
    expect(active.body.items.some((item) => item.id === staff.an)).toBe(false);
    expect(active.body.items.some((item) => item.id === learner.id)).toBe(true);
    const first = await users(api.adminToken, { q: 'NV', pageSize: 2, page: 1 });
    const second = await users(api.adminToken, { q: 'NV', pageSize: 2, page: 2 });
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...names(first.body), ...names(second.body)]).toEqual([
      'Lê Văn Bình',
      'Nguyễn Văn An',
      'Trần Thị Đào',
    ]);
  });

  it('refuses bad filters with 400 and the fields', async () => {
    for (const query of [
      '?status=sleeping',
      '?role=king',
      '?orgUnitId=not-an-id',
      '?pageSize=500',
      `?q=${'x'.repeat(201)}`,
    ]) {
      const answer = await api.http.get(`/api/v1/admin/users${query}`, { token: api.adminToken });
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const unknownUnit = await users(api.adminToken, {
      orgUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownUnit.status).toBe(400);
  });

  it('shows an org manager only the staff of their subtree', async () => {
    const seen = await users(managerM.token, { pageSize: 100 });
    expect(seen.status).toBe(200);
    expect(names(seen.body)).toEqual(['Nguyễn Văn An', 'Trần Thị Đào']);
    expect(names((await users(managerM.token, { q: 'le van binh' })).body)).toEqual([]);
    expect((await users(managerM.token, { orgUnitId: N.scopeId })).body).toMatchObject({
      total: 0,
    });
    expect((await users(learner.token)).status).toBe(403);
    expect((await users(supervisorP.token)).status).toBe(403);
  });
});

describe('the user page', () => {
  it('gives an org manager in scope the roles, memberships, enrollments and assignments', async () => {
    const page = await api.http.get(`/api/v1/admin/users/${staff.an}`, { token: managerM.token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id: staff.an,
      fullName: 'Nguyễn Văn An',
      employeeCode: 'NV-001',
      orgUnitId: M1.scopeId,
      status: 'uninvited',
      roles: [],
      memberships: [
        expect.objectContaining({
          orgUnitId: M1.scopeId,
          orgUnitName: 'Vụ M1',
          position: 'Chuyên viên',
          jobGrade: 'A1',
          endedAt: null,
        }),
      ],
      enrollments: [],
      assignments: [],
    });
  });

  it('answers 404 outside the caller’s scope, and hides the parts they may not see', async () => {
    expect(
      (await api.http.get(`/api/v1/admin/users/${staff.binh}`, { token: managerM.token })).status,
    ).toBe(404);
    // Province P's administrator sees people holding roles in P, not the ministry's staff…
    expect(
      (await api.http.get(`/api/v1/admin/users/${staff.an}`, { token: adminP.token })).status,
    ).toBe(404);
    const teacher = await person();
    await api.tree.grant(teacher.id, 'instructor', F1);
    const page = await api.http.get(`/api/v1/admin/users/${teacher.id}`, { token: adminP.token });
    expect(page.status).toBe(200);
    // …and not their memberships or assignments, which are their unit's business.
    expect(page.body).toMatchObject({ memberships: null, assignments: null, enrollments: [] });
    const full = await api.http.get(`/api/v1/admin/users/${teacher.id}`, { token: api.adminToken });
    expect(full.body).toMatchObject({ memberships: [], assignments: [], enrollments: [] });
    expect(
      (
        await api.http.get('/api/v1/admin/users/00000000-0000-4000-8000-000000000000', {
          token: api.adminToken,
        })
      ).status,
    ).toBe(404);
  });
});

describe('the audit log', () => {
  const entriesFor = async (query: AuditQuery, token = api.adminToken) =>
    (await expectStatus(audit(token, query), 200)).items;

  it('records a grant with who, what, on whom, when, the source IP and the request id', async () => {
    const someone = await person();
    const granted = await api.http.post(`/api/v1/admin/users/${someone.id}/roles`, {
      token: api.adminToken,
      body: { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
      headers: { 'x-request-id': 'req-grant-42' },
    });
    expect(granted.status).toBe(201);
    const entries = await entriesFor({ subjectId: someone.id });
    expect(entries).toEqual([
      {
        id: expect.any(String) as unknown,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        actorId: api.adminId,
        actorName: 'Administrator',
        action: 'role.granted',
        subjectType: 'user',
        subjectId: someone.id,
        subjectName: expect.any(String) as unknown,
        ip: '127.0.0.1',
        requestId: 'req-grant-42',
        details: { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
      },
    ]);
    // Granting a role already held changes nothing, so records nothing.
    await api.http.post(`/api/v1/admin/users/${someone.id}/roles`, {
      token: api.adminToken,
      body: { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
    });
    expect(await entriesFor({ subjectId: someone.id })).toHaveLength(1);

    const revoked = await api.http.delete(`/api/v1/admin/users/${someone.id}/roles`, {
      token: api.adminToken,
      body: { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
      headers: { 'x-request-id': 'req-revoke-42' },
    });
    expect(revoked.status).toBe(204);
    expect(await entriesFor({ subjectId: someone.id, action: 'role.revoked' })).toEqual([
      expect.objectContaining({
        actorId: api.adminId,
        action: 'role.revoked',
        requestId: 'req-revoke-42',
        details: { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
      }),
    ]);
  });

  it('records nothing for a refused change', async () => {
    const someone = await person();
    const refused = await api.http.post(`/api/v1/admin/users/${someone.id}/roles`, {
      token: managerM.token,
      body: { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
    });
    expect(refused.status).toBe(403);
    const invalid = await api.http.post(`/api/v1/admin/users/${someone.id}/roles`, {
      token: api.adminToken,
      // A facility that does not exist (a fresh id, never one that happens to be G's own).
      body: { role: 'instructor', scopeType: 'facility', scopeId: newId() },
    });
    expect(invalid.status).toBe(400);
    expect(await entriesFor({ subjectId: someone.id })).toEqual([]);
  });

  it('records the staff import (asked for and finished) and a membership move', async () => {
    const importEntries = await entriesFor({ subjectId: importId });
    expect(importEntries.map((entry) => entry.action).sort()).toEqual([
      'staff-import.finished',
      'staff-import.requested',
    ]);
    const requested = importEntries.find((entry) => entry.action === 'staff-import.requested');
    expect(requested).toMatchObject({ actorId: api.adminId, requestId: 'req-staff-import' });
    const finished = importEntries.find((entry) => entry.action === 'staff-import.finished');
    // The worker acts for the person who asked.
    expect(finished).toMatchObject({
      actorId: api.adminId,
      details: { status: 'completed', created: 3, failed: 0 },
    });

    const moved = await api.http.post(`/api/v1/org-units/${M.scopeId}/members`, {
      token: managerM.token,
      body: { userId: staff.an, position: 'Phó vụ trưởng', jobGrade: 'A3' },
    });
    expect(moved.status).toBe(201);
    expect(
      await entriesFor({ subjectId: staff.an, action: 'membership.placed', pageSize: 1 }),
    ).toEqual([
      expect.objectContaining({
        actorId: managerM.id,
        subjectName: 'Nguyễn Văn An',
        details: {
          orgUnitId: M.scopeId,
          previousOrgUnitId: M1.scopeId,
          position: 'Phó vụ trưởng',
          jobGrade: 'A3',
        },
      }),
    ]);
  });

  it('shows a supervisor only the entries placed in their administrative unit', async () => {
    const inP = await person();
    const inQ = await person();
    await api.tree.grant(inP.id, 'instructor', F1);
    await api.tree.grant(inQ.id, 'facility_admin', G);
    const seenByP = await entriesFor({ action: 'role.granted', pageSize: 100 }, supervisorP.token);
    const seenByQ = await entriesFor({ action: 'role.granted', pageSize: 100 }, supervisorQ.token);
    const subjects = (entries: { subjectId: string | null }[]) =>
      entries.map((entry) => entry.subjectId);
    expect(subjects(seenByP)).toContain(inP.id);
    expect(subjects(seenByP)).not.toContain(inQ.id);
    expect(subjects(seenByQ)).toContain(inQ.id);
    expect(subjects(seenByQ)).not.toContain(inP.id);
    // Nothing outside P: every entry P's supervisor sees was placed in P.
    expect(
      seenByP.every((entry) =>
        [F1.scopeId, P.scopeId].some((scopeId) => scopeId === entry.details.scopeId),
      ),
    ).toBe(true);
    // The ministry's membership moves are no province's business.
    expect(await entriesFor({ action: 'membership.placed' }, supervisorP.token)).toEqual([]);
    expect((await entriesFor({ action: 'membership.placed' })).length).toBeGreaterThan(0);
  });

  it('filters by actor, action and time, and refuses other roles and bad filters', async () => {
    const byManager = await entriesFor({ actorId: managerM.id });
    expect(byManager.length).toBeGreaterThan(0);
    expect(byManager.every((entry) => entry.actorId === managerM.id)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(await entriesFor({ from: future })).toEqual([]);
    expect(await entriesFor({ to: past })).toEqual([]);
    const all = await audit(api.adminToken, { from: past, to: future, pageSize: 5 });
    expect(all.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(all.body.total).toBeGreaterThan(5);
    expect((await audit(managerM.token)).status).toBe(403);
    expect((await audit(learner.token)).status).toBe(403);
    for (const query of ['?action=role.deleted', '?from=yesterday', '?actorId=me']) {
      const answer = await api.http.get(`/api/v1/admin/audit${query}`, {
        token: api.adminToken,
      });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
  });
});
