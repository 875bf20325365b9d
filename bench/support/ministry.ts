import { type Principal, RoleGrantsService } from '@lifelong/identity';
import { RequirementsService, UnitCounts } from '@lifelong/training';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildCourse, facility, platformAdmin } from '../../test/support/course-fixtures';

/** How a national-scale ministry is laid out: a root, agencies below it, departments below those. */
export interface MinistryShape {
  staff: number;
  /** Units one level below the root. */
  agencies: number;
  /** Units below each agency; 0 places the staff in the agencies themselves. */
  departmentsPerAgency: number;
  /** Requirements on the root, each assigned to every member of staff. */
  requirements: number;
}

export interface Ministry {
  rootId: string;
  requirementIds: string[];
  /** A platform administrator (a real user row holding the admin role). */
  admin: Principal;
  /** Every unit, the root included. */
  units: number;
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * A ministry at national scale, set-based (`INSERT … SELECT` from MariaDB's sequence engine):
 * the units, the staff placed round robin in the lowest units, and the requirements on the root
 * with every member assigned to each, statuses spread as a real year looks. Shared by the
 * compliance benches (the report over HTTP, the page in a browser).
 */
export async function seedMinistry(
  app: INestApplicationContext,
  shape: MinistryShape,
): Promise<Ministry> {
  const { staff, agencies, departmentsPerAgency, requirements } = shape;
  const dataSource = app.get(DataSource);
  const admin = await platformAdmin(dataSource);
  const [{ rootId }] = await dataSource.query<[{ rootId: string }]>('SELECT UUID() AS rootId');
  const rootPath = `/${rootId}/`;
  await dataSource.query(
    "INSERT INTO `org_units` (`id`, `code`, `name`, `parent_id`, `path`, `depth`) VALUES (?, 'BENCH-ROOT', 'Chính phủ', NULL, ?, 1)",
    [rootId, rootPath],
  );
  await dataSource.query(
    `INSERT INTO \`org_units\` (\`id\`, \`code\`, \`name\`, \`parent_id\`, \`path\`, \`depth\`)
     SELECT a.id, CONCAT('BENCH-A', a.seq), CONCAT('Bộ ', a.seq), ?, CONCAT(?, a.id, '/'), 2
     FROM (SELECT UUID() AS id, seq FROM seq_1_to_${agencies}) a`,
    [rootId, rootPath],
  );
  if (departmentsPerAgency > 0)
    await dataSource.query(
      `INSERT INTO \`org_units\` (\`id\`, \`code\`, \`name\`, \`parent_id\`, \`path\`, \`depth\`)
       SELECT d.id, CONCAT(a.\`code\`, '-D', d.seq), CONCAT('Vụ ', d.seq), a.\`id\`, CONCAT(a.\`path\`, d.id, '/'), 3
       FROM \`org_units\` a
       JOIN (SELECT UUID() AS id, seq FROM seq_1_to_${agencies * departmentsPerAgency}) d
         ON a.\`code\` = CONCAT('BENCH-A', 1 + (d.seq - 1) DIV ${departmentsPerAgency})
       WHERE a.\`parent_id\` = ?`,
      [rootId],
    );
  await dataSource.query(
    `INSERT INTO \`users\` (\`id\`, \`email\`, \`full_name\`)
     SELECT UUID(), CONCAT('cc', seq, '@bench.gov.vn'), CONCAT('Công chức ', seq) FROM seq_1_to_${staff}`,
  );
  const facilityId = await facility(app, admin);
  const requirementIds: string[] = [];
  for (let r = 0; r < requirements; r += 1) {
    const { courseId } = await buildCourse(app, admin, facilityId);
    const { requirement } = await app.get(RequirementsService).create(admin, {
      title: `Yêu cầu ${r}`,
      courseId,
      orgUnitId: rootId,
      dueDays: 30,
    });
    requirementIds.push(requirement.id);
  }
  // One statement per requirement (one row per member each), statuses spread as a real year
  // looks. The staff are placed afterwards, so the triggers find no unit and the counts are
  // built in one set-based pass by the nightly reconciliation (timed too): fast to seed, and the
  // same counts the triggers would have kept.
  for (const requirementId of requirementIds)
    await dataSource.query(
      `INSERT INTO \`training_assignments\` (\`id\`, \`requirement_id\`, \`requirement_version\`, \`user_id\`, \`cycle\`, \`status\`, \`assigned_at\`, \`due_at\`)
       SELECT UUID(), ?, 1, u.\`id\`, 1,
         ELT(1 + CRC32(CONCAT(u.\`id\`, ?)) % 6, 'assigned', 'in_progress', 'completed', 'completed', 'overdue', 'expired'),
         '2026-12-01 08:00:00', '2026-12-31 08:00:00'
       FROM \`users\` u WHERE u.\`email\` LIKE '%@bench.gov.vn'`,
      [requirementId, requirementId],
    );
  const lowest = departmentsPerAgency > 0 ? agencies * departmentsPerAgency : agencies;
  await dataSource.query(
    `INSERT INTO \`memberships\` (\`id\`, \`user_id\`, \`org_unit_id\`, \`position\`, \`job_grade\`, \`started_at\`, \`current_user_id\`)
     SELECT UUID(), u.id, d.id, 'Chuyên viên', 'A1', '2026-12-01 08:00:00', u.id
     FROM (SELECT \`id\`, ROW_NUMBER() OVER (ORDER BY \`id\`) AS n FROM \`users\` WHERE \`email\` LIKE '%@bench.gov.vn') u
     JOIN (SELECT \`id\`, ROW_NUMBER() OVER (ORDER BY \`id\`) - 1 AS k FROM \`org_units\` WHERE \`depth\` = ? AND \`path\` LIKE ?) d
       ON d.k = u.n % ${lowest}`,
    [departmentsPerAgency > 0 ? 3 : 2, `${rootPath}%`],
  );
  const counting = process.hrtime.bigint();
  const built = await app.get(UnitCounts).reconcile();
  process.stderr.write(
    `ministry seed: counts of ${built.repaired} units built from ${(staff * requirements).toLocaleString('en')} assignments in ${seconds(counting).toFixed(1)} s\n`,
  );
  await dataSource.query("INSERT INTO `user_roles` (`user_id`, `role`) VALUES (?, 'admin')", [
    admin.userId,
  ]);
  for (const table of ['org_units', 'memberships', 'training_assignments', 'training_unit_counts'])
    await dataSource.query(`ANALYZE TABLE \`${table}\``);
  return { rootId, requirementIds, admin, units: 1 + agencies * (1 + departmentsPerAgency) };
}

/** Grants a role scoped to an org unit, as an administrator does through the admin api. */
export async function grantOrgRole(
  app: INestApplicationContext,
  admin: Principal,
  userId: string,
  role: 'org_manager' | 'supervisor',
  orgUnitId: string,
): Promise<void> {
  await app
    .get(RoleGrantsService)
    .grant(admin, userId, { role, scopeType: 'org_unit', scopeId: orgUnitId });
}
