import { Test } from '@nestjs/testing';
import { FakeScopeHierarchy } from '../../../../test/support/fake-scope-hierarchy';
import { IdentityError } from '../identity-error';
import { AccessPolicy } from './access-policy.service';
import type { Principal, RoleGrant } from './auth-decision';
import { type Scope, ScopeHierarchy } from './scope';

const P: Scope = { scopeType: 'admin_unit', scopeId: 'P' };
const D: Scope = { scopeType: 'admin_unit', scopeId: 'D' };
const F: Scope = { scopeType: 'facility', scopeId: 'F' };
const G: Scope = { scopeType: 'facility', scopeId: 'G' };
const scopes = new FakeScopeHierarchy().add(P).add(D, P).add(F, D).add(G);

const principal = (...roles: RoleGrant[]): Principal => ({ userId: 'u', email: 'u@x.vn', roles });
const grant = (role: RoleGrant['role'], scope?: Scope): RoleGrant => ({
  role,
  scopeType: scope?.scopeType ?? null,
  scopeId: scope?.scopeId ?? null,
});

async function policy(bound = true): Promise<AccessPolicy> {
  const moduleRef = await Test.createTestingModule({
    providers: [AccessPolicy, ...(bound ? [{ provide: ScopeHierarchy, useValue: scopes }] : [])],
  }).compile();
  return moduleRef.get(AccessPolicy);
}

describe('AccessPolicy', () => {
  it('lets a scoped role act on its whole subtree and nowhere else', async () => {
    const access = await policy();
    const supervisorOfP = principal(grant('supervisor', P));
    expect(await access.covers(supervisorOfP, ['supervisor'], F)).toBe(true);
    expect(await access.covers(supervisorOfP, ['supervisor'], P)).toBe(true);
    expect(await access.covers(supervisorOfP, ['supervisor'], G)).toBe(false);
    expect(await access.covers(supervisorOfP, ['instructor'], F)).toBe(false);
  });

  it('lets an unscoped admin act everywhere, whatever roles are asked for', async () => {
    const access = await policy();
    expect(await access.covers(principal(grant('admin')), ['instructor'], G)).toBe(true);
    expect(access.reach(principal(grant('admin')), ['org_manager'])).toEqual({ everywhere: true });
  });

  it('does not let a scoped admin pass for other roles', async () => {
    const access = await policy();
    const adminOfP = principal(grant('admin', P));
    expect(await access.covers(adminOfP, ['instructor'], F)).toBe(false);
    expect(await access.covers(adminOfP, ['admin', 'instructor'], F)).toBe(true);
  });

  it('answers 403 FORBIDDEN from assertCovers when no grant covers the target', async () => {
    const access = await policy();
    const error = await access
      .assertCovers(principal(grant('instructor', F)), ['instructor'], G)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', kind: 'forbidden' });
  });

  it('lists the scopes a principal holds for some roles', async () => {
    const access = await policy();
    const busy = principal(grant('learner'), grant('instructor', F), grant('facility_admin', G));
    expect(access.reach(busy, ['instructor', 'facility_admin'])).toEqual({
      everywhere: false,
      scopes: [F, G],
    });
    expect(access.reach(busy, ['org_manager'])).toEqual({ everywhere: false, scopes: [] });
  });

  it('refuses (throws) rather than allows when no ScopeHierarchy is bound', async () => {
    const access = await policy(false);
    await expect(
      access.covers(principal(grant('supervisor', P)), ['supervisor'], F),
    ).rejects.toThrow(/No ScopeHierarchy is bound/);
  });
});
