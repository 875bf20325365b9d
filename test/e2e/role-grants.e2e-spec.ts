import type { Scope } from '@lifelong/identity';
import { adminSession } from '../support/admin-session';
import { answered, apiClient } from '../support/api-client';
import type { Json } from '../support/http-client';
import { type Person, peopleRegistry } from '../support/people';

// Province P holds district D (facility F1) and facility F2; province Q holds facility G.
// Ministry M holds department M1; agency N stands apart. The real tree, made in beforeAll.
let P: Scope, D: Scope, Q: Scope, F1: Scope, F2: Scope, G: Scope, M: Scope, M1: Scope, N: Scope;

const api = adminSession();

const person = peopleRegistry(() => api.http, 'person');

const grant = (token: string, userId: string, body: Json) =>
  api.http.post(`/api/v1/admin/users/${userId}/roles`, { token, body });
const revoke = (token: string, userId: string, body: Json) =>
  api.http.delete(`/api/v1/admin/users/${userId}/roles`, { token, body });
const at = (role: string, scope: Scope): Json => ({ role, ...scope });

/** A new person holding `role` at `scope`, granted by the platform admin. */
async function holding(role: string, scope: Scope): Promise<Person> {
  const holder = await person();
  expect((await grant(api.adminToken, holder.id, at(role, scope))).status).toBe(201);
  return holder;
}

async function rolesOf(who: Person) {
  const me = await answered(apiClient(api.http.base, who.token).GET('/api/v1/me'));
  expect(me.status).toBe(200);
  return me.body.roles;
}

beforeAll(async () => {
  const { tree } = api;
  P = await tree.adminUnit('Tỉnh P');
  D = await tree.adminUnit('Huyện D', P);
  Q = await tree.adminUnit('Tỉnh Q');
  F1 = await tree.facility('Trung tâm F1', D);
  F2 = await tree.facility('Trung tâm F2', P);
  G = await tree.facility('Trung tâm G', Q);
  M = await tree.orgUnit('Bộ M');
  M1 = await tree.orgUnit('Vụ M1', M);
  N = await tree.orgUnit('Cơ quan N');
});

describe('granting roles', () => {
  it('lets the platform admin grant; /me shows the role; granting again changes nothing', async () => {
    const teacher = await person();
    const granted = await grant(api.adminToken, teacher.id, at('instructor', F1));
    expect(granted.status).toBe(201);
    const expectedRoles = [
      { role: 'instructor', scopeType: 'facility', scopeId: F1.scopeId },
      { role: 'learner', scopeType: null, scopeId: null },
    ];
    expect(granted.body).toMatchObject({ id: teacher.id, roles: expectedRoles });
    expect(await rolesOf(teacher)).toEqual(expectedRoles);

    const again = await grant(api.adminToken, teacher.id, at('instructor', F1));
    expect(again.status).toBe(201);
    expect(again.body.roles).toEqual(expectedRoles);
  });

  it('lets a provincial admin grant inside the province only, never unscoped', async () => {
    const provincial = await holding('admin', P);
    const someone = await person();
    expect((await grant(provincial.token, someone.id, at('instructor', F1))).status).toBe(201);
    expect((await grant(provincial.token, someone.id, at('supervisor', D))).status).toBe(201);

    for (const outside of [at('instructor', G), at('admin', Q), { role: 'supervisor' }]) {
      const refused = await grant(provincial.token, someone.id, outside);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await rolesOf(someone)).toHaveLength(3);
  });

  it('lets a facility admin grant instructor or facility_admin at that facility only', async () => {
    const head = await holding('facility_admin', F1);
    const someone = await person();
    expect((await grant(head.token, someone.id, at('instructor', F1))).status).toBe(201);
    expect((await grant(head.token, someone.id, at('facility_admin', F1))).status).toBe(201);
    expect((await grant(head.token, someone.id, at('instructor', F2))).status).toBe(403);
    expect((await grant(head.token, someone.id, at('admin', F1))).status).toBe(403);
  });

  it('lets an org manager grant org_manager within the org unit only', async () => {
    const manager = await holding('org_manager', M);
    const someone = await person();
    expect((await grant(manager.token, someone.id, at('org_manager', M1))).status).toBe(201);
    expect((await grant(manager.token, someone.id, at('org_manager', N))).status).toBe(403);
  });

  it('refuses learners and anonymous callers', async () => {
    const learner = await person();
    const target = await person();
    expect((await grant(learner.token, target.id, at('instructor', F1))).status).toBe(403);
    const anonymous = await api.http.post(`/api/v1/admin/users/${target.id}/roles`, {
      body: at('instructor', F1),
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 for malformed grants and scopes that do not exist, 404 for unknown users', async () => {
    const someone = await person();
    const malformed: Json[] = [
      { role: 'instructor', scopeType: 'facility' },
      { role: 'instructor', scopeId: F1.scopeId },
      { role: 'wizard', ...F1 },
      { role: 'instructor', scopeType: 'galaxy', scopeId: 'x' },
      { ...at('instructor', F1), expiresAt: '2030-01-01' },
      { role: 'instructor' },
      at('instructor', { scopeType: 'facility', scopeId: 'fa-missing' }),
      { role: 42 },
    ];
    for (const body of malformed) {
      const response = await grant(api.adminToken, someone.id, body);
      expect([response.status, body]).toEqual([400, body]);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.refusal?.details?.fields ?? {})).not.toHaveLength(0);
    }
    const unknown = await grant(
      api.adminToken,
      '0190a0a0-0000-7000-8000-000000000000',
      at('instructor', F1),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(await rolesOf(someone)).toEqual([{ role: 'learner', scopeType: null, scopeId: null }]);
  });
});

describe('revoking roles', () => {
  it('removes the role at once, even from a token issued before', async () => {
    const provincial = await holding('admin', P);
    const someone = await person();
    expect((await grant(provincial.token, someone.id, at('instructor', F1))).status).toBe(201);

    const revoked = await revoke(api.adminToken, provincial.id, at('admin', P));
    expect(revoked.status).toBe(204);
    expect(await rolesOf(provincial)).toEqual([
      { role: 'learner', scopeType: null, scopeId: null },
    ]);
    expect((await grant(provincial.token, someone.id, at('instructor', F2))).status).toBe(403);
    // Revoking what is not held is fine.
    expect((await revoke(api.adminToken, provincial.id, at('admin', P))).status).toBe(204);
  });

  it('lets a scoped admin revoke inside the scope only', async () => {
    const provincial = await holding('admin', P);
    const inside = await holding('instructor', F1);
    const outside = await holding('instructor', G);
    expect((await revoke(provincial.token, inside.id, at('instructor', F1))).status).toBe(204);
    expect((await revoke(provincial.token, outside.id, at('instructor', G))).status).toBe(403);
    expect(await rolesOf(outside)).toContainEqual({
      role: 'instructor',
      scopeType: 'facility',
      scopeId: G.scopeId,
    });
  });
});
