import type { RoleGrant } from '../auth/auth-decision';
import type { Scope } from '../auth/scope';
import { grantAuthority, mayGrant, roleScopeProblems, toRoleGrant } from './grant-rule';

// A small tree: province P contains district D, which contains facility F; facility G is
// elsewhere. Org unit M (ministry) contains department M1.
const PARENT: Record<string, string> = { D: 'P', F: 'D', M1: 'M' };
const hierarchy = {
  covers: (ancestor: Scope, target: Scope): Promise<boolean> => {
    for (let id: string | undefined = target.scopeId; id; id = PARENT[id])
      if (id === ancestor.scopeId) return Promise.resolve(true);
    return Promise.resolve(false);
  },
};

const admin: RoleGrant = { role: 'admin', scopeType: null, scopeId: null };
const adminOfP: RoleGrant = { role: 'admin', scopeType: 'admin_unit', scopeId: 'P' };
const facilityAdminOfF: RoleGrant = { role: 'facility_admin', scopeType: 'facility', scopeId: 'F' };
const orgManagerOfM: RoleGrant = { role: 'org_manager', scopeType: 'org_unit', scopeId: 'M' };
const instructorAtF: RoleGrant = { role: 'instructor', scopeType: 'facility', scopeId: 'F' };
const instructorAtG: RoleGrant = { role: 'instructor', scopeType: 'facility', scopeId: 'G' };

const may = (granter: RoleGrant[], target: RoleGrant): Promise<boolean> =>
  mayGrant(granter, target, hierarchy);

describe('who may grant which role where', () => {
  it('lets an unscoped admin grant anything, unscoped roles included', async () => {
    expect(await may([admin], { role: 'admin', scopeType: null, scopeId: null })).toBe(true);
    expect(await may([admin], instructorAtG)).toBe(true);
  });

  it('lets a scoped admin grant any role inside the scope, never outside or unscoped', async () => {
    expect(await may([adminOfP], instructorAtF)).toBe(true);
    expect(await may([adminOfP], { role: 'admin', scopeType: 'admin_unit', scopeId: 'D' })).toBe(
      true,
    );
    expect(await may([adminOfP], instructorAtG)).toBe(false);
    expect(await may([adminOfP], { role: 'learner', scopeType: null, scopeId: null })).toBe(false);
    expect(await may([adminOfP], { role: 'admin', scopeType: null, scopeId: null })).toBe(false);
  });

  it('lets a facility admin grant instructor or facility_admin at that facility only', async () => {
    expect(await may([facilityAdminOfF], instructorAtF)).toBe(true);
    expect(await may([facilityAdminOfF], { ...facilityAdminOfF })).toBe(true);
    expect(await may([facilityAdminOfF], instructorAtG)).toBe(false);
    expect(
      await may([facilityAdminOfF], { role: 'admin', scopeType: 'facility', scopeId: 'F' }),
    ).toBe(false);
  });

  it('lets an org manager grant org_manager inside the org unit only', async () => {
    expect(
      await may([orgManagerOfM], { role: 'org_manager', scopeType: 'org_unit', scopeId: 'M1' }),
    ).toBe(true);
    expect(
      await may([orgManagerOfM], { role: 'org_manager', scopeType: 'org_unit', scopeId: 'X' }),
    ).toBe(false);
    expect(
      await may([orgManagerOfM], { role: 'supervisor', scopeType: 'org_unit', scopeId: 'M1' }),
    ).toBe(false);
  });

  it('gives nobody else any authority', () => {
    for (const role of ['learner', 'instructor', 'supervisor'] as const)
      expect(
        grantAuthority([{ role, scopeType: 'facility', scopeId: 'F' }], instructorAtF),
      ).toEqual({
        kind: 'never',
      });
    expect(grantAuthority([], instructorAtF)).toEqual({ kind: 'never' });
  });

  it('defers a scoped admin to the hierarchy, naming each candidate ancestor', () => {
    const adminOfD: RoleGrant = { role: 'admin', scopeType: 'admin_unit', scopeId: 'D' };
    expect(grantAuthority([adminOfP, adminOfD], instructorAtF)).toEqual({
      kind: 'within',
      ancestors: [
        { scopeType: 'admin_unit', scopeId: 'P' },
        { scopeType: 'admin_unit', scopeId: 'D' },
      ],
    });
  });
});

describe('grant shape', () => {
  it('requires scopeType and scopeId together', () => {
    expect(toRoleGrant({ role: 'instructor', scopeType: 'facility' })).toEqual({
      problems: { scopeId: ['scopeId is required when scopeType is given'] },
    });
    expect(toRoleGrant({ role: 'instructor', scopeId: 'F' })).toEqual({
      problems: { scopeType: ['scopeType is required when scopeId is given'] },
    });
    expect(toRoleGrant({ role: 'learner' })).toEqual({
      grant: { role: 'learner', scopeType: null, scopeId: null },
    });
  });

  it('refuses scopes that make no sense for the role', () => {
    expect(roleScopeProblems({ role: 'instructor', scopeType: null, scopeId: null })).toEqual({
      scopeType: ['role instructor is granted facility only'],
    });
    expect(roleScopeProblems({ role: 'org_manager', scopeType: 'facility', scopeId: 'F' })).toEqual(
      {
        scopeType: ['role org_manager is granted org_unit only'],
      },
    );
    expect(roleScopeProblems(instructorAtF)).toEqual({});
    expect(roleScopeProblems({ role: 'supervisor', scopeType: null, scopeId: null })).toEqual({});
  });
});
