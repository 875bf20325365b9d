import { ScopeHierarchy } from '@lifelong/identity';
import { AdminUnitsService, FacilitiesService, OrgUnitsService } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  insertUser,
  organizationsModule,
  platformAdminGrant,
  principal,
} from './organizations-testing';

// The ScopeHierarchy organizations binds for identity, against real trees in the database.
describe('organization scope hierarchy', () => {
  let moduleRef: TestingModule;
  let scopes: ScopeHierarchy;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    moduleRef = await organizationsModule();
    scopes = moduleRef.get(ScopeHierarchy);
    const admin = principal(
      await insertUser(moduleRef.get(DataSource), 'root@example.vn'),
      platformAdminGrant,
    );
    const adminUnits = moduleRef.get(AdminUnitsService);
    const add = async (code: string, level: string, parent?: string): Promise<string> =>
      (await adminUnits.create(admin, { code, name: code, level, parentId: parent && ids[parent] }))
        .id;
    ids.hanoi = await add('01', 'province');
    ids.badinh = await add('001', 'district', 'hanoi');
    ids.phucxa = await add('00001', 'commune', 'badinh');
    ids.hue = await add('46', 'province');
    const facilities = moduleRef.get(FacilitiesService);
    ids.center = (
      await facilities.create(admin, {
        code: 'CLC-PX',
        name: 'Trung tâm học tập cộng đồng phường Phúc Xá',
        type: 'community_learning_center',
        adminUnitId: ids.phucxa,
      })
    ).id;
    const orgUnits = moduleRef.get(OrgUnitsService);
    ids.ministry = (await orgUnits.create(admin, { code: 'BNV', name: 'Bộ Nội vụ' })).id;
    ids.office = (
      await orgUnits.create(admin, { code: 'BNV-VP', name: 'Văn phòng', parentId: ids.ministry })
    ).id;
    ids.other = (await orgUnits.create(admin, { code: 'BGD', name: 'Bộ Giáo dục' })).id;
  });

  afterAll(() => moduleRef.close());

  const admin = (name: string) => ({ scopeType: 'admin_unit' as const, scopeId: ids[name]! });
  const org = (name: string) => ({ scopeType: 'org_unit' as const, scopeId: ids[name]! });
  const facility = (name: string) => ({ scopeType: 'facility' as const, scopeId: ids[name]! });

  it('lets an admin unit cover its descendants and the facilities in them', async () => {
    expect(await scopes.covers(admin('hanoi'), admin('phucxa'))).toBe(true);
    expect(await scopes.covers(admin('badinh'), admin('phucxa'))).toBe(true);
    expect(await scopes.covers(admin('hanoi'), facility('center'))).toBe(true);
    expect(await scopes.covers(admin('hanoi'), admin('hanoi'))).toBe(true);
  });

  it('does not let a unit cover its ancestors, siblings or the other tree', async () => {
    expect(await scopes.covers(admin('phucxa'), admin('hanoi'))).toBe(false);
    expect(await scopes.covers(admin('hue'), admin('phucxa'))).toBe(false);
    expect(await scopes.covers(admin('hue'), facility('center'))).toBe(false);
    expect(await scopes.covers(admin('hanoi'), org('ministry'))).toBe(false);
    expect(await scopes.covers(facility('center'), admin('phucxa'))).toBe(false);
  });

  it('lets an org unit cover its own subtree only', async () => {
    expect(await scopes.covers(org('ministry'), org('office'))).toBe(true);
    expect(await scopes.covers(org('office'), org('ministry'))).toBe(false);
    expect(await scopes.covers(org('other'), org('office'))).toBe(false);
  });

  it('knows which scopes exist', async () => {
    expect(await scopes.exists(admin('phucxa'))).toBe(true);
    expect(await scopes.exists(facility('center'))).toBe(true);
    expect(await scopes.exists(org('office'))).toBe(true);
    expect(await scopes.exists({ scopeType: 'org_unit', scopeId: ids.center! })).toBe(false);
  });
});
