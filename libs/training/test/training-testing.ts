import { type Clock, ManualClock, newId } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { EnrollmentModule } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import { MembershipsService, OrganizationsModule, OrgUnitsService } from '@lifelong/organizations';
import { TrainingWorkerModule } from '@lifelong/training';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { testConfig } from '../../../test/setup/test-env';
import { servicesModule } from '../../../test/support/services-module';

export {
  buildCourse,
  facility,
  insertLearners,
  outboxEvents,
  platformAdmin,
} from '../../../test/support/course-fixtures';

/** Training's services and job handlers (with organizations and enrollment) over the test database. */
export async function trainingModule(
  clock: Clock = new ManualClock(),
  overrides: Record<string, string> = {},
): Promise<TestingModule> {
  return servicesModule(testConfig(overrides), clock, [
    OrganizationsModule,
    CoursesModule,
    EnrollmentModule,
    TrainingWorkerModule,
  ]);
}

/** An org unit under `parentId` (a root without), created through the real service. */
export async function orgUnit(
  app: INestApplicationContext,
  admin: Principal,
  name: string,
  parentId?: string,
): Promise<string> {
  const unit = await app
    .get(OrgUnitsService)
    .create(admin, { code: `OU-${newId().slice(-10)}`, name, parentId });
  return unit.id;
}

/** Places each person in the unit (a move when they were elsewhere). */
export async function place(
  app: INestApplicationContext,
  userIds: readonly string[],
  orgUnitId: string,
  position: string | null = 'Chuyên viên',
  jobGrade: string | null = 'A1',
): Promise<void> {
  for (const userId of userIds)
    await app.get(MembershipsService).place(userId, { orgUnitId, position, jobGrade });
}

/** An org manager of the unit's subtree, with the grant stored (managers get notices). */
export async function orgManager(
  dataSource: DataSource,
  userId: string,
  orgUnitId: string,
): Promise<Principal> {
  await dataSource.query(
    "INSERT INTO `user_roles` (`user_id`, `role`, `scope_type`, `scope_id`) VALUES (?, 'org_manager', 'org_unit', ?)",
    [userId, orgUnitId],
  );
  return {
    userId,
    email: `${userId}@example.vn`,
    roles: [{ role: 'org_manager', scopeType: 'org_unit', scopeId: orgUnitId }],
  };
}

/** Each person's live assignment statuses under the requirement, by user id. */
export async function statusesOf(
  dataSource: DataSource,
  requirementId: string,
): Promise<Record<string, string>> {
  const rows = await dataSource.query<{ userId: string; status: string }[]>(
    'SELECT `user_id` AS userId, `status` FROM `training_assignments` WHERE `requirement_id` = ? AND `closed_at` IS NULL',
    [requirementId],
  );
  return Object.fromEntries(rows.map((row) => [row.userId, row.status]));
}
