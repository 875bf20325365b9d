import type { Role, Scope } from '@lifelong/identity';
import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import type { Json } from '../support/http-client';
import { type Person, peopleRegistry, signInAgain } from '../support/people';

// Issue 17, item 3: administrators edit the org-unit tree (list a level, rename, move with the
// subtree) within their scope, and a scope picker lists only the places they may grant in.
//
// The tree: ministry M ⊃ department M1 ⊃ office M11; agency N. Province P ⊃ facility F1;
// province Q ⊃ facility G.

const api = adminSession();
const { tree } = api;
let adminToken: string;
let M: Scope, M1: Scope, M11: Scope, N: Scope, P: Scope, Q: Scope;
let managerM: Person, managerN: Person, adminP: Person, learner: Person;

const person = peopleRegistry(() => api.http, 'org-tree');

async function holding(role?: Role, scope?: Scope): Promise<Person> {
  const someone = await person();
  if (!role) return someone;
  await tree.grant(someone.id, role, scope);
  await signInAgain(api.http, someone);
  return someone;
}

const client = (token: string) => apiClient(api.http.base, token);
const level = (token: string, parent?: Scope) =>
  answered(
    client(token).GET('/api/v1/org-units', {
      params: { query: parent ? { parentId: parent.scopeId } : {} },
    }),
  );
const patch = (token: string, unit: Scope, body: Json) =>
  api.http.request('PATCH', `/api/v1/org-units/${unit.scopeId}`, { token, body });
const names = (units: { name: string }[]): string[] => units.map((u) => u.name);
const picker = (token: string, scopeType: 'facility' | 'org_unit' | 'admin_unit', q = '') =>
  answered(client(token).GET('/api/v1/scopes', { params: { query: { scopeType, q } } }));

beforeAll(async () => {
  adminToken = api.adminToken;
  M = await tree.orgUnit('Bộ M');
  M1 = await tree.orgUnit('Vụ M1', M);
  M11 = await tree.orgUnit('Phòng M11', M1);
  N = await tree.orgUnit('Cơ quan N');
  P = await tree.adminUnit('Tỉnh P');
  Q = await tree.adminUnit('Tỉnh Q');
  await tree.facility('Trung tâm F1', P);
  await tree.facility('Trung tâm G', Q);
  managerM = await holding('org_manager', M);
  managerN = await holding('org_manager', N);
  adminP = await holding('admin', P);
  learner = await holding();
}, 60_000);

describe('reading the org-unit tree', () => {
  it('shows the platform admin the roots and a unit its children', async () => {
    const roots = await level(adminToken);
    expect(roots.status).toBe(200);
    expect(names(roots.body)).toEqual(expect.arrayContaining(['Bộ M', 'Cơ quan N']));
    expect(names((await level(adminToken, M)).body)).toEqual(['Vụ M1']);
  });

  it("starts an org manager at their own unit and refuses another agency's children", async () => {
    expect(names((await level(managerM.token)).body)).toEqual(['Bộ M']);
    expect(names((await level(managerM.token, M1)).body)).toEqual(['Phòng M11']);
    const refused = await level(managerN.token, M);
    expect(refused.status).toBe(403);
    expect(refused.refusal?.code).toBe('FORBIDDEN');
    expect((await level(learner.token)).status).toBe(403);
  });

  it('names one unit to those who reach it, and no one else', async () => {
    const one = await api.http.get(`/api/v1/org-units/${M1.scopeId}`, { token: managerM.token });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: M1.scopeId, name: 'Vụ M1', parentId: M.scopeId });
    expect(
      (await api.http.get(`/api/v1/org-units/${M1.scopeId}`, { token: managerN.token })).status,
    ).toBe(403);
    const unknown = await api.http.get('/api/v1/org-units/00000000-0000-4000-8000-000000000000', {
      token: adminToken,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ORG_UNIT_NOT_FOUND');
  });
});

describe('renaming and moving a unit', () => {
  it('moves a unit with its subtree, so scope checks follow the new place', async () => {
    const X = await tree.orgUnit('Cục X', M1);
    const X1 = await tree.orgUnit('Phòng X1', X);
    const renamed = await patch(adminToken, X, { name: 'Cục X mới' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: X.scopeId, name: 'Cục X mới', parentId: M1.scopeId });

    const moved = await patch(adminToken, X, { parentId: N.scopeId });
    expect(moved.body).toMatchObject({ parentId: N.scopeId });
    expect(names((await level(adminToken, N)).body)).toEqual(['Cục X mới']);
    expect(names((await level(adminToken, M1)).body)).toEqual(['Phòng M11']);
    // The grandchild moved too: N's manager now reaches it, M's manager no longer does.
    expect((await level(managerN.token, X1)).status).toBe(200);
    expect((await level(managerM.token, X1)).status).toBe(403);
  });

  it('refuses a move under the unit itself or below it, with a code saying so', async () => {
    for (const parent of [M, M1, M11]) {
      const refused = await patch(adminToken, M, { parentId: parent.scopeId });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('ORG_UNIT_MOVE_CYCLE');
    }
    expect(names((await level(adminToken, M)).body)).toEqual(['Vụ M1']);
  });

  it('moves a unit to the root for a platform admin only', async () => {
    const Z = await tree.orgUnit('Cục Z', M);
    expect((await patch(managerM.token, Z, { parentId: null })).status).toBe(403);
    const moved = await patch(adminToken, Z, { parentId: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: Z.scopeId, parentId: null });
    expect(names((await level(adminToken)).body)).toContain('Cục Z');
    // No longer inside M: M's manager lost it.
    expect((await level(managerM.token, Z)).status).toBe(403);
  });

  it('never lets two opposite moves at once make a cycle', async () => {
    for (let round = 0; round < 5; round += 1) {
      const A = await tree.orgUnit(`Phòng A${round}`, N);
      const B = await tree.orgUnit(`Phòng B${round}`, N);
      const answers = await Promise.all([
        patch(adminToken, A, { parentId: B.scopeId }),
        patch(adminToken, B, { parentId: A.scopeId }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
      expect(answers.find((answer) => answer.status === 422)?.body.code).toBe(
        'ORG_UNIT_MOVE_CYCLE',
      );
      // The tree is still whole: the one moved is the other's child, under N.
      const underN = names((await level(adminToken, N)).body);
      expect(underN.filter((name) => name.endsWith(String(round)))).toHaveLength(1);
    }
  });

  it('refuses an org manager a unit or a new parent outside their subtree', async () => {
    const own = await tree.orgUnit('Phòng Y', M);
    const intoN = await patch(managerM.token, own, { parentId: N.scopeId });
    expect(intoN.status).toBe(403);
    const renameN = await patch(managerM.token, N, { name: 'Chiếm quyền' });
    expect(renameN.status).toBe(403);
    expect((await patch(adminP.token, own, { name: 'Chiếm quyền' })).status).toBe(403);
    // Inside their own subtree the manager may.
    const ok = await patch(managerM.token, own, { parentId: M11.scopeId, name: 'Phòng Y1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ parentId: M11.scopeId, name: 'Phòng Y1' });
  });

  it('answers 404 for an unknown unit and 422 for an unknown parent', async () => {
    const unknown = { scopeType: 'org_unit', scopeId: '00000000-0000-4000-8000-000000000000' };
    expect((await patch(adminToken, unknown as Scope, { name: 'X' })).status).toBe(404);
    const noParent = await patch(adminToken, N, { parentId: unknown.scopeId });
    expect(noParent.status).toBe(422);
    expect(noParent.body.code).toBe('PARENT_NOT_FOUND');
  });
});

describe('the scope picker', () => {
  const scopeNames = names;

  it('offers a scoped admin only places inside their province', async () => {
    expect(scopeNames((await picker(adminP.token, 'admin_unit', 'Tỉnh')).body)).toEqual(['Tỉnh P']);
    expect(scopeNames((await picker(adminP.token, 'facility', 'trung')).body)).toEqual([
      'Trung tâm F1',
    ]);
    expect(scopeNames((await picker(adminP.token, 'org_unit')).body)).toEqual([]);
  });

  it('offers the platform admin everything and an org manager their subtree', async () => {
    expect(scopeNames((await picker(adminToken, 'admin_unit', 'Tỉnh')).body)).toEqual([
      'Tỉnh P',
      'Tỉnh Q',
    ]);
    const underM = scopeNames((await picker(managerM.token, 'org_unit')).body);
    expect(underM).toEqual(expect.arrayContaining(['Bộ M', 'Vụ M1', 'Phòng M11']));
    expect(underM).not.toContain('Cơ quan N');
    expect((await picker(learner.token, 'org_unit')).status).toBe(403);
  });
});
