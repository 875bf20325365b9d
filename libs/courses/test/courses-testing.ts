import { ManualClock, newId } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import type { Principal, RoleGrant } from '@lifelong/identity';
import { AdminUnitsService, FacilitiesService, OrganizationsModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { servicesModule } from '../../../test/support/services-module';

/** Courses' services over the test database (organizations binds the real scope trees). */
export async function coursesModule(clock = new ManualClock()): Promise<TestingModule> {
  return servicesModule(testConfig(), clock, [OrganizationsModule, CoursesModule]);
}

/** A user row (the access policy reads grants from the principal, not from the database). */
export async function insertUser(dataSource: DataSource, email: string): Promise<string> {
  const id = newId();
  await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES (?, ?, ?)', [
    id,
    email,
    'Người Dùng Thử',
  ]);
  return id;
}

export const principal = (userId: string, ...roles: RoleGrant[]): Principal => ({
  userId,
  email: `${userId}@example.test`,
  roles,
});

export const platformAdmin: RoleGrant = { role: 'admin', scopeType: null, scopeId: null };
export const instructorAt = (facilityId: string): RoleGrant => ({
  role: 'instructor',
  scopeType: 'facility',
  scopeId: facilityId,
});

/**
 * Two provinces: Hà Nội (communes Ba Đình with facility BD, Sóc Sơn with facility SS) and Lào
 * Cai (commune Sa Pa with facility SP). Returns ids by short name and a platform admin.
 */
export async function seedWorld(
  moduleRef: TestingModule,
): Promise<{ ids: Record<string, string>; admin: Principal }> {
  const dataSource = moduleRef.get(DataSource);
  const admin = principal(
    await insertUser(dataSource, `root-${newId()}@example.vn`),
    platformAdmin,
  );
  const units = moduleRef.get(AdminUnitsService);
  const facilities = moduleRef.get(FacilitiesService);
  const ids: Record<string, string> = {};
  const unit = async (name: string, level: string, parent?: string) =>
    (ids[name] = (
      await units.create(admin, {
        code: `AU-${name}-${newId().slice(-6)}`,
        name,
        level,
        parentId: parent && ids[parent],
      })
    ).id);
  const facility = async (name: string, unitName: string) =>
    (ids[name] = (
      await facilities.create(admin, {
        code: `F-${name}-${newId().slice(-6)}`,
        name: `Trung tâm ${name}`,
        type: 'community_learning_center',
        adminUnitId: ids[unitName]!,
      })
    ).id);
  await unit('hanoi', 'province');
  await unit('badinh', 'commune', 'hanoi');
  await unit('socson', 'commune', 'hanoi');
  await unit('laocai', 'province');
  await unit('sapa', 'commune', 'laocai');
  await facility('BD', 'badinh');
  await facility('SS', 'socson');
  await facility('SP', 'sapa');
  return { ids, admin };
}
